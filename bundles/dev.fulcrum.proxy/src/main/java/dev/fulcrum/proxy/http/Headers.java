package dev.fulcrum.proxy.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A message's header lines in order, names compared case-insensitively (RFC 9110 5.1). */
public final class Headers {

    /** One header line; the value without surrounding whitespace. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    public Headers(List<Field> fields) {
        this.fields = new ArrayList<>(fields);
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    public Optional<String> first(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Whether a comma-separated header (Connection) lists the token, case-insensitively. */
    public boolean hasToken(String name, String token) {
        return all(name).stream().flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(t -> t.trim().equalsIgnoreCase(token));
    }

    public Headers with(String name, String value) {
        List<Field> copy = new ArrayList<>(fields);
        copy.add(new Field(name, value));
        return new Headers(copy);
    }

    public Headers without(String name) {
        return new Headers(fields.stream().filter(f -> !f.name().equalsIgnoreCase(name)).toList());
    }
}
