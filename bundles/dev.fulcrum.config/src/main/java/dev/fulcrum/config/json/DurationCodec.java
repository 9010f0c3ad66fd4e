package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as HAProxy-style strings: a non-negative integer and a unit, {@code "30s"},
 * {@code "1500ms"}, {@code "2m"}. Units: d, h, m (minutes), s, ms, us, ns. The writer picks the
 * largest unit that represents the value exactly, so every duration survives a round trip.
 */
final class DurationCodec {

    static final String EXPECTED = "a duration string: an integer and a unit d, h, m, s, ms, us or ns (e.g. \"30s\")";

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,19})(d|h|m|s|ms|us|ns)");
    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
        1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private DurationCodec() {
    }

    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative() || duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L) {
            // Outside what a long of nanoseconds holds: whole seconds (the model has no such values).
            return duration.getSeconds() + "s";
        }
        long nanos = duration.toNanos();
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % NANOS[i] == 0) {
                return nanos / NANOS[i] + UNITS[i];
            }
        }
        throw new AssertionError("ns divides every duration");
    }

    static Optional<Duration> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            for (int i = 0; i < UNITS.length; i++) {
                if (UNITS[i].equals(matcher.group(2))) {
                    return Optional.of(Duration.ofNanos(Math.multiplyExact(amount, NANOS[i])));
                }
            }
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static final class Serializer extends StdScalarSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    static final class Deserializer extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            String text = p.getText();
            Optional<Duration> duration = parse(text);
            if (duration.isEmpty()) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, EXPECTED);
            }
            return duration.get();
        }
    }
}
