package dev.fulcrum.api.model.proxy;

import java.util.Objects;

/**
 * One element of a custom log format (configuration.txt 8.2.6): literal text, a separator (one or
 * more unescaped spaces of the format string, merged) or a variable with its flags.
 */
public sealed interface LogFormatNode {

    /** Text written as is ({@code %%} already turned into {@code %}). */
    record Text(String text) implements LogFormatNode {
        public Text {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty log-format text");
            }
        }
    }

    /** One space, written only when the output does not already end with a separator. */
    record Separator() implements LogFormatNode {
    }

    /**
     * {@code %{flags}var}.
     *
     * @param quoted  flag Q: strings and addresses between double quotes
     * @param hex     flag X: addresses, ports, {@code %Ts}, {@code %rt} and {@code %pid} in hexadecimal
     * @param escaped flag E: '"', '\' and ']' in strings prefixed with '\'
     */
    record Field(LogVariable variable, boolean quoted, boolean hex, boolean escaped) implements LogFormatNode {
        public Field {
            Objects.requireNonNull(variable, "variable");
        }

        /** The variable without flags. */
        public static Field plain(LogVariable variable) {
            return new Field(variable, false, false, false);
        }
    }
}
