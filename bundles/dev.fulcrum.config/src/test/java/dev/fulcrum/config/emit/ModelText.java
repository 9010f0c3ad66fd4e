package dev.fulcrum.config.emit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Small generators of names, free text, addresses and times shared by the model arbitraries. */
final class ModelText {

    /** Characters that need quoting or escaping in one format or the other, mixed with plain ones. */
    private static final char[] TRICKY = {'a', 'b', 'Z', '0', '9', '-', '_', '.', '/', ':', ' ', '\t', '#', '!', '"',
            '\'', '\\', '$', '{', '}', '(', ')', ',', ';', 'é', '\n'};

    private ModelText() {
    }

    /** Proxy and ACL names (configuration.txt 4: letters, digits, '-', '_', '.', ':'). */
    static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcxyz019-_.:").ofMinLength(1).ofMaxLength(5);
    }

    /** Free text that is not blank. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(TRICKY).ofMinLength(1).ofMaxLength(6).filter(s -> !s.isBlank());
    }

    /** An IPv4 address or network, as ACL "src" values and "forwardfor except" take them. */
    static Arbitrary<String> network() {
        Arbitrary<String> address = ipv4();
        return Arbitraries.oneOf(address, Combinators.combine(address, Arbitraries.integers().between(0, 32))
                .as((a, bits) -> a + "/" + bits));
    }

    static Arbitrary<String> ipv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    /**
     * A host: IPv4, IPv6 in Java's {@code getHostAddress()} form (the form the haproxy.cfg reader
     * normalizes to), or a host name.
     */
    static Arbitrary<String> address() {
        Arbitrary<String> ipv6 = Arbitraries.bytes().array(byte[].class).ofSize(16).map(ModelText::hostAddress);
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                .list().ofMinSize(1).ofMaxSize(2).map(parts -> String.join(".", parts));
        return Arbitraries.oneOf(ipv4(), ipv6, host);
    }

    static String hostAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A time from 0, in microseconds, milliseconds, seconds or days. */
    static Arbitrary<Duration> time() {
        return Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveTime(),
                Arbitraries.longs().between(1, 999_999).map(us -> Duration.ofNanos(us * 1_000)));
    }

    /** A time of at least 1 ms (server inter, fastinter, downinter, slowstart). */
    static Arbitrary<Duration> positiveTime() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 100_000).map(Duration::ofMillis),
                Arbitraries.longs().between(1, 86_400).map(Duration::ofSeconds),
                Arbitraries.longs().between(1_000, 5_000_000).map(us -> Duration.ofNanos(us * 1_000)),
                Arbitraries.longs().between(1, 20).map(Duration::ofDays));
    }

    /** All of the given arbitraries' values, as a list; the empty list for none. */
    static <T> Arbitrary<List<T>> all(List<Arbitrary<T>> parts) {
        return parts.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(parts).as(List::copyOf);
    }
}
