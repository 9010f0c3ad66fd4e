package dev.fulcrum.api.model.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the model records; each throws IllegalArgumentException naming the field. */
public final class Checks {

    private Checks() {
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    public static Duration nonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static String name(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /**
     * A proxy, backend or ACL name: HAProxy configuration.txt 4 "Proxies" and 7.1 allow letters,
     * digits, '-', '_', '.' and ':'.
     */
    public static String proxyName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                throw new IllegalArgumentException(field + " '" + value + "': character '" + c + "' is not permitted");
            }
        }
        return value;
    }
}
