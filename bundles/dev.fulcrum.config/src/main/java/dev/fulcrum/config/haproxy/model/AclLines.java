package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.ProxyNames;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * configuration.txt 7.1 "acl &lt;aclname&gt; &lt;criterion&gt; [flags] [operator] &lt;value&gt; ..." with the
 * criteria path, path_beg, path_end, hdr(NAME), hdr_beg(NAME), hdr_end(NAME), src and method, the
 * flag {@code -i} and the end of flags {@code --}; and the conditions of 7.2 restricted to one
 * AND-group of named ACLs, each optionally negated with {@code !}.
 */
final class AclLines {

    private AclLines() {
    }

    static Optional<Acl> acl(Line line, String context, ProblemCollector problems) {
        Optional<Token> name = Words.require(line, 0, "acl", "NAME CRITERION [-i] VALUE...", problems);
        Optional<Token> criterionWord = name.isEmpty() ? Optional.empty()
                : Words.require(line, 1, "acl", "a criterion after the ACL name", problems);
        if (criterionWord.isEmpty() || !ProxyNames.checkName(name.get(), "ACL name", problems)) {
            return Optional.empty();
        }
        Optional<Criterion> criterion = criterion(criterionWord.get(), context, problems);
        if (criterion.isEmpty()) {
            return Optional.empty();
        }
        boolean ignoreCase = false;
        int i = 2;
        for (; i < line.arguments().size() && line.arguments().get(i).text().startsWith("-"); i++) {
            Token flag = line.arguments().get(i);
            if (flag.text().equals("--")) {
                i++;
                break;
            } else if (flag.text().equals("-i")) {
                ignoreCase = true;
            } else {
                problems.unsupported(flag.location(), "acl flag " + flag.text(), context);
                return Optional.empty();
            }
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (; i < line.arguments().size(); i++) {
            Token value = line.arguments().get(i);
            if (criterion.get().fetch() == Criterion.Fetch.SRC) {
                ok &= Networks.check(value, problems);
            }
            values.add(value.text());
        }
        if (values.isEmpty()) {
            problems.error(Words.end(line), "", "missing value for acl '" + name.get().text() + "': expected at least"
                    + " one pattern to match");
            return Optional.empty();
        }
        return ok ? Optional.of(new Acl(name.get().text(), criterion.get(), ignoreCase, values)) : Optional.empty();
    }

    private static Optional<Criterion> criterion(Token word, String context, ProblemCollector problems) {
        String text = word.text();
        int paren = text.indexOf('(');
        String fetch = paren < 0 ? text : text.substring(0, paren);
        for (Criterion.Fetch candidate : Criterion.Fetch.values()) {
            if (!candidate.keyword().equals(fetch)) {
                continue;
            }
            if (!candidate.takesHeader()) {
                if (paren >= 0) {
                    problems.error(word.locationAt(paren), text, "'" + fetch + "' takes no argument in parentheses");
                    return Optional.empty();
                }
                return Optional.of(Criterion.of(candidate));
            }
            if (paren < 0 || !text.endsWith(")") || text.length() == paren + 2) {
                problems.error(word.location(), text, "'" + fetch + "' needs a header name: expected " + fetch
                        + "(NAME), e.g. " + fetch + "(host)");
                return Optional.empty();
            }
            return Optional.of(Criterion.header(candidate, text.substring(paren + 1, text.length() - 1)));
        }
        problems.unsupported(word.location(), "acl criterion " + fetch, context + " (supported: path, path_beg,"
                + " path_end, hdr(NAME), hdr_beg(NAME), hdr_end(NAME), src, method)");
        return Optional.empty();
    }

    /**
     * {@code use_backend NAME if|unless COND}: the rule with its ACL words, still unresolved; empty
     * after reporting a problem.
     */
    static Optional<ProxySettings.Rule> useBackend(Line line, String context, ProblemCollector problems) {
        Optional<Token> backend = Words.require(line, 0, "use_backend", "NAME if|unless CONDITION", problems);
        if (backend.isEmpty()) {
            return Optional.empty();
        }
        if (backend.get().text().contains("%[")) {
            problems.unsupported(backend.get().location(), "use_backend with a dynamic name", context);
            return Optional.empty();
        }
        Optional<Token> keyword = line.argument(1);
        if (keyword.isEmpty()) {
            problems.unsupported(Words.end(line), "use_backend without a condition", context
                    + " (write default_backend instead)");
            return Optional.empty();
        }
        String ifOrUnless = keyword.get().text();
        if (!ifOrUnless.equals("if") && !ifOrUnless.equals("unless")) {
            problems.error(keyword.get().location(), ifOrUnless, "expected 'if' or 'unless' after the backend name");
            return Optional.empty();
        }
        List<Token> acls = new ArrayList<>();
        boolean negateNext = false;
        for (int i = 2; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            String text = word.text();
            if (text.equals("or") || text.equals("||")) {
                problems.unsupported(word.location(), "'" + text + "' in a condition", context);
                return Optional.empty();
            }
            if (text.startsWith("{")) {
                problems.unsupported(word.location(), "anonymous ACL", context);
                return Optional.empty();
            }
            if (text.equals("!")) {
                negateNext = true;
                continue;
            }
            boolean negated = negateNext || text.startsWith("!");
            Token name = text.startsWith("!") ? new Token(text.substring(1), word.locationAt(1)) : word;
            if (!ProxyNames.checkName(name, "ACL name", problems)) {
                return Optional.empty();
            }
            acls.add(negated ? new Token("!" + name.text(), name.location()) : name);
            negateNext = false;
        }
        if (acls.isEmpty() || negateNext) {
            problems.error(Words.end(line), "", "missing ACL name after '" + (negateNext ? "!" : ifOrUnless) + "'");
            return Optional.empty();
        }
        return Optional.of(new ProxySettings.Rule(backend.get(), ifOrUnless.equals("unless"), acls));
    }
}
