package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the statement tree from token lines (keepalived.conf(5) DESCRIPTION: "Keywords are
 * placed in hierarchies of blocks and subblocks, each layer being delimited by '{' and '}'
 * pairs"). Rules, after keepalived's {@code process_stream()}:
 * <ul>
 * <li>a statement is a run of words on one line; a '{' after it opens its block, and so does a
 * '{' that starts the next line;</li>
 * <li>a keyword that opens a block ({@link KeepalivedGrammar#opensBlock}) without a '{' is an
 * error; like keepalived, the lines that follow are then read as its block;</li>
 * <li>a stray '}', an unclosed '{' and an unknown top-level keyword are errors;</li>
 * <li>blocks nest at most {@value #MAX_DEPTH} deep.</li>
 * </ul>
 * Iterative, so no input can exhaust the stack. One instance per parse.
 */
final class BlockParser {

    static final int MAX_DEPTH = 64;

    /** An open block. The top level is a frame without keyword or brace. */
    private static final class Frame {
        final Token keyword;
        final List<Token> arguments;
        final Token open;
        final String context;
        final List<Statement> children = new ArrayList<>();

        Frame(Token keyword, List<Token> arguments, Token open, String context) {
            this.keyword = keyword;
            this.arguments = arguments;
            this.open = open;
            this.context = context;
        }

        String describe() {
            return keyword == null ? "block" : keyword.text() + " block";
        }
    }

    /** A statement that ended with its line; a '{' starting the next line would open its block. */
    private record Pending(Token keyword, List<Token> arguments) {
        Token last() {
            return arguments.isEmpty() ? keyword : arguments.get(arguments.size() - 1);
        }
    }

    private final ProblemCollector problems;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Pending pending;
    private int skipDepth;
    private Token skipOpen;

    BlockParser(ProblemCollector problems) {
        this.problems = problems;
    }

    /**
     * @param lines      the token lines, none empty
     * @param endOfInput where the input ends, for braces still open there
     */
    List<Statement> parse(List<List<Token>> lines, SourceLocation endOfInput) {
        Frame top = new Frame(null, List.of(), null, null);
        stack.push(top);
        for (List<Token> line : lines) {
            int i = 0;
            while (i < line.size()) {
                i = step(line, i);
            }
        }
        finish(endOfInput);
        return List.copyOf(top.children);
    }

    /** Consumes the token(s) at {@code i}; returns the index of the next token. */
    private int step(List<Token> line, int i) {
        Token token = line.get(i);
        if (skipDepth > 0) {
            skipDepth += token.kind() == Token.Kind.OPEN_BRACE ? 1 : token.kind() == Token.Kind.CLOSE_BRACE ? -1 : 0;
            return i + 1;
        }
        if (pending != null) {
            Pending waiting = pending;
            pending = null;
            if (token.kind() == Token.Kind.OPEN_BRACE) {
                open(waiting.keyword(), waiting.arguments(), token);
                return i + 1;
            }
            if (!missingBrace(waiting, token)) {
                add(waiting.keyword(), waiting.arguments());
            }
        }
        switch (token.kind()) {
            case OPEN_BRACE:
                problems.error(token.location(), "{", "unexpected '{': expected a keyword before it");
                open(null, List.of(), token);
                return i + 1;
            case CLOSE_BRACE:
                close(token);
                return i + 1;
            default:
                return statement(line, i);
        }
    }

    private int statement(List<Token> line, int start) {
        Token keyword = line.get(start);
        if (stack.size() == 1 && !KeepalivedGrammar.isTopLevelKeyword(keyword.text())) {
            problems.error(keyword.location(), keyword.text(), KeepalivedGrammar.unknownTopLevelMessage(keyword.text()));
        }
        int end = start + 1;
        while (end < line.size() && line.get(end).isWord()) {
            end++;
        }
        List<Token> arguments = List.copyOf(line.subList(start + 1, end));
        if (end == line.size()) {
            pending = new Pending(keyword, arguments);
            return end;
        }
        if (line.get(end).kind() == Token.Kind.OPEN_BRACE) {
            open(keyword, arguments, line.get(end));
            return end + 1;
        }
        add(keyword, arguments);
        return end;
    }

    /**
     * Reports a block opener written without '{'. Like keepalived ("Missing '{' at beginning of
     * configuration block"), what follows is read as its block, unless nothing can be in it.
     *
     * @return whether the statement was handled (it opened a recovery block)
     */
    private boolean missingBrace(Pending waiting, Token next) {
        if (!KeepalivedGrammar.opensBlock(stack.peek().context, waiting.keyword().text())) {
            return false;
        }
        problems.error(waiting.last().end(), "", "expected '{' to open the " + waiting.keyword().text() + " block");
        if (next == null || !next.isWord()) {
            return false;
        }
        open(waiting.keyword(), waiting.arguments(), null);
        return true;
    }

    private void open(Token keyword, List<Token> arguments, Token open) {
        if (stack.size() > MAX_DEPTH) {
            problems.error(open != null ? open.location() : keyword.location(), open != null ? "{" : keyword.text(),
                    "blocks nested deeper than " + MAX_DEPTH + " levels: this block is ignored");
            skipDepth = 1;
            skipOpen = open != null ? open : keyword;
            return;
        }
        // A '{' without keyword gets a context no keyword opens a block in.
        stack.push(new Frame(keyword, arguments, open, keyword == null ? "{" : keyword.text()));
    }

    private void close(Token brace) {
        if (stack.size() == 1) {
            problems.error(brace.location(), "}", "unexpected '}': no block is open here");
            return;
        }
        pop();
    }

    private void pop() {
        Frame done = stack.pop();
        if (done.keyword != null) {
            stack.peek().children.add(new Statement(done.keyword.text(), done.arguments, done.children,
                    done.keyword.location()));
        }
    }

    private void add(Token keyword, List<Token> arguments) {
        stack.peek().children.add(new Statement(keyword.text(), arguments, List.of(), keyword.location()));
    }

    private void finish(SourceLocation endOfInput) {
        if (pending != null) {
            Pending waiting = pending;
            pending = null;
            missingBrace(waiting, null);
            add(waiting.keyword(), waiting.arguments());
        }
        if (skipDepth > 0) {
            problems.error(endOfInput, "", "expected '}' to close the block opened at " + skipOpen.location());
        }
        while (stack.size() > 1) {
            Frame open = stack.peek();
            SourceLocation openedAt = open.open != null ? open.open.location() : open.keyword.location();
            if (open.open != null) {
                problems.error(openedAt, "{", "the " + open.describe() + " is never closed: expected '}' before "
                        + "the end of input");
            }
            problems.error(endOfInput, "", "expected '}' to close the " + open.describe() + " opened at " + openedAt);
            pop();
        }
    }
}
