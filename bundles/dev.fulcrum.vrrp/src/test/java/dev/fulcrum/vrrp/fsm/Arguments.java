package dev.fulcrum.vrrp.fsm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value} and flag words after a scenario keyword. Every word must be consumed:
 * {@link #finish()} names what was not understood.
 */
final class Arguments {

    private final String file;
    private final int line;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();

    Arguments(String file, int line, String[] words, int from) {
        this.file = file;
        this.line = line;
        for (int i = from; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals < 0) {
                flags.add(words[i]);
            } else if (values.put(words[i].substring(0, equals), words[i].substring(equals + 1)) != null) {
                throw error("'" + words[i].substring(0, equals) + "' given twice");
            }
        }
    }

    String string(String key, String otherwise) {
        String value = values.remove(key);
        return value == null ? otherwise : value;
    }

    String required(String key) {
        String value = values.remove(key);
        if (value == null) {
            throw error("missing " + key + "=...");
        }
        return value;
    }

    int integer(String key, int otherwise) {
        String value = values.remove(key);
        if (value == null) {
            return otherwise;
        }
        try {
            return value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(key + "=" + value + " is not a number");
        }
    }

    Duration seconds(String key, Duration otherwise) {
        String value = values.remove(key);
        return value == null ? otherwise : parseSeconds(file, line, value);
    }

    boolean flag(String name) {
        return flags.remove(name);
    }

    void finish() {
        if (!values.isEmpty() || !flags.isEmpty()) {
            Set<String> unknown = new LinkedHashSet<>(values.keySet());
            unknown.addAll(flags);
            throw error("not understood: " + String.join(", ", unknown));
        }
    }

    ScenarioException error(String message) {
        return new ScenarioException(file, line, message);
    }

    /** Seconds with decimals ("3.609375") as an exact duration. */
    static Duration parseSeconds(String file, int line, String text) {
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ScenarioException(file, line, "'" + text + "' is not a time in seconds (e.g. 3.609375)");
        }
    }

    /** The scenario clock: seconds since the Unix epoch, shown without trailing zeros. */
    static String formatInstant(Instant instant) {
        BigDecimal nanos = BigDecimal.valueOf(instant.getEpochSecond()).movePointRight(9)
                .add(BigDecimal.valueOf(instant.getNano()));
        return nanos.movePointLeft(9).stripTrailingZeros().toPlainString();
    }
}
