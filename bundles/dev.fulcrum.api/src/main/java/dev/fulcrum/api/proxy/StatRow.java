package dev.fulcrum.api.proxy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of {@code show stat}: a frontend, a server or a backend. Values are the text HAProxy
 * prints; an empty string is a field HAProxy leaves empty for this kind of row (or that the proxy
 * does not know).
 *
 * @param values one per {@link StatField}, in its order
 */
public record StatRow(List<String> values) {

    public StatRow {
        values = List.copyOf(values);
        if (values.size() != StatField.values().length) {
            throw new IllegalArgumentException("a stat row has " + StatField.values().length + " values, got "
                    + values.size());
        }
        values.forEach(v -> Objects.requireNonNull(v, "value"));
    }

    public String value(StatField field) {
        return values.get(field.ordinal());
    }

    /** A numeric field's value; empty when the field is empty or not a number (status, addr, ...). */
    public OptionalLong number(StatField field) {
        String text = value(field);
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException notNumeric) {
            return OptionalLong.empty();
        }
    }

    /** {@code pxname}: the frontend's or backend's name. */
    public String proxy() {
        return value(StatField.PXNAME);
    }

    /** {@code svname}: FRONTEND, BACKEND or the server's name. */
    public String service() {
        return value(StatField.SVNAME);
    }
}
