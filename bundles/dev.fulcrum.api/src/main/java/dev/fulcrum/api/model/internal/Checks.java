package dev.fulcrum.api.model.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the model records; each throws IllegalArgumentException naming the field. */
public final class Checks {

    private Checks() {
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ": " + value);
        }
        return value;
    }

    public static Duration nonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        nonNegative(field, value);
        if (value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive");
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
}
