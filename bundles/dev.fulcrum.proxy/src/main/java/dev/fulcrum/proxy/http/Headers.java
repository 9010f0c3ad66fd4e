package dev.fulcrum.proxy.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A message's header lines in order, names compared case-insensitively (RFC 9110 5.1). Immutable;
 * the look-ups are plain loops over a handful of fields, since they run several times per request.
 */
public final class Headers {

    /** One header line; the value without surrounding whitespace. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    public Headers(List<Field> fields) {
        this(fields, true);
    }

    private Headers(List<Field> fields, boolean copy) {
        this.fields = Collections.unmodifiableList(copy ? new ArrayList<>(fields) : fields);
    }

    /** Wraps, without copying, a list the caller built for this instance and no longer touches. */
    static Headers adopt(List<Field> fields) {
        return new Headers(fields, false);
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> all(String name) {
        List<String> values = List.of();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.name().equalsIgnoreCase(name)) {
                if (values.isEmpty()) {
                    values = new ArrayList<>(2);
                }
                values.add(field.value());
            }
        }
        return values;
    }

    public Optional<String> first(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return Optional.of(fields.get(i).value());
            }
        }
        return Optional.empty();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Whether a comma-separated header (Connection) lists the token, case-insensitively. */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (field.name().equalsIgnoreCase(name) && listsToken(field.value(), token)) {
                return true;
            }
        }
        return false;
    }

    /** One comma-separated value, each element compared without its surrounding whitespace. */
    private static boolean listsToken(String value, String token) {
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            int from = start;
            int to = end;
            while (from < to && value.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && value.charAt(to - 1) <= ' ') {
                to--;
            }
            if (to - from == token.length() && value.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    public Headers with(String name, String value) {
        List<Field> copy = new ArrayList<>(fields.size() + 1);
        copy.addAll(fields);
        copy.add(new Field(name, value));
        return adopt(copy);
    }

    public Headers without(String name) {
        List<Field> kept = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).name().equalsIgnoreCase(name)) {
                kept.add(fields.get(i));
            }
        }
        return adopt(kept);
    }
}
