package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement inside a section: its first word and the words after it (configuration.txt 2.1
 * rules 4-5). Multi-word keywords stay split: {@code timeout client 30s} is keyword {@code timeout}
 * with arguments {@code client, 30s}, and {@code no option httplog} is keyword {@code no}; the model
 * layer interprets them.
 *
 * @param keyword   the first word
 * @param arguments the following words
 * @param location  where the first word starts
 */
public record Line(String keyword, List<Token> arguments, SourceLocation location) {

    public Line {
        Objects.requireNonNull(keyword, "keyword");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(location, "location");
    }

    /** The argument at {@code index} (0 = the word after the keyword), if there is one. */
    public Optional<Token> argument(int index) {
        return index >= 0 && index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }
}
