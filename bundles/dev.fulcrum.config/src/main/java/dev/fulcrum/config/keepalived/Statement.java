package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One keepalived.conf statement: a keyword, its arguments on the same line, and the statements of
 * its {@code { ... }} block. keepalived.conf(5) DESCRIPTION: "Keywords are placed in hierarchies
 * of blocks and subblocks, each layer being delimited by '{' and '}' pairs." Values inside value
 * blocks (an address in {@code virtual_ipaddress}, a name in {@code track_script}) are statements
 * too: their first word is the keyword.
 *
 * @param keyword   the first word
 * @param arguments the other words of the line, before any brace
 * @param block     the statements inside the block; empty if there is no block (or an empty one)
 * @param location  where the keyword starts
 */
public record Statement(String keyword, List<Token> arguments, List<Statement> block, SourceLocation location) {

    public Statement {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(location, "location");
        arguments = List.copyOf(arguments);
        block = List.copyOf(block);
    }

    /** The arguments' texts, e.g. {@code [172.31.0.1, 80]} for {@code virtual_server 172.31.0.1 80}. */
    public List<String> argumentTexts() {
        return arguments.stream().map(Token::text).collect(Collectors.toList());
    }

    /** The statements of the block with this keyword, in order. */
    public List<Statement> children(String childKeyword) {
        return block.stream().filter(child -> child.keyword.equals(childKeyword)).collect(Collectors.toList());
    }
}
