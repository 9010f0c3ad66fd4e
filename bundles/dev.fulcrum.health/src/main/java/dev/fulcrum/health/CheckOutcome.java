package dev.fulcrum.health;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of one check.
 *
 * @param status   what happened
 * @param code     the HTTP status or the script's exit code, when there is one
 * @param info     a short human explanation ("Connection refused", "Service Unavailable"); may be empty
 * @param duration from the start of the check to its verdict
 * @param weight   keepalived.conf(5) {@code misc_dynamic}: the weight a script asked for (exit code - 2);
 *                 empty for exit 0, which asks for the configured weight
 */
public record CheckOutcome(CheckStatus status, OptionalInt code, String info, Duration duration, OptionalInt weight) {

    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(weight, "weight");
    }

    public static CheckOutcome of(CheckStatus status, String info, Duration duration) {
        return new CheckOutcome(status, OptionalInt.empty(), info, duration, OptionalInt.empty());
    }

    public static CheckOutcome withCode(CheckStatus status, int code, String info, Duration duration) {
        return new CheckOutcome(status, OptionalInt.of(code), info, duration, OptionalInt.empty());
    }

    public boolean passed() {
        return status.passed();
    }

    public CheckOutcome withDuration(Duration measured) {
        return new CheckOutcome(status, code, info, measured, weight);
    }
}
