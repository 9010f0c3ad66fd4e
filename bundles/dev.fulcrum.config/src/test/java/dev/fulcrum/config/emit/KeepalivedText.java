package dev.fulcrum.config.emit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of keepalived.conf values: words, free text, addresses, seconds. */
final class KeepalivedText {

    /**
     * Free text: blanks, comment characters and braces need quoting. Never a double quote or a line
     * break, which keepalived.conf cannot write (no escape inside quotes, keepalived.conf(5)), and
     * never '$', which keepalived's parameter substitution would act on.
     */
    private static final char[] TEXT = {'a', 'b', 'Z', '0', '9', '-', '_', '.', '/', ':', ',', ' ', '\t', '#', '!', '\'',
            '{', '}', '@', '~', 'é'};

    private KeepalivedText() {
    }

    /** A word that needs no quoting: names of users, interfaces and the like. */
    static Arbitrary<String> word() {
        return Arbitraries.strings().withChars("abcxyz019-_.").ofMinLength(1).ofMaxLength(5);
    }

    /** Free text that is not blank, with no blank at either end (where quoting would have to keep it). */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(TEXT).ofMinLength(1).ofMaxLength(6).filter(s -> !s.isBlank());
    }

    /** "USERNAME [GROUPNAME]", joined by one space as the model keeps it. */
    static Arbitrary<String> user() {
        return Arbitraries.oneOf(word(), Combinators.combine(word(), word()).as((u, g) -> u + " " + g));
    }

    static Arbitrary<InetAddress> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(KeepalivedText::address);
    }

    /** IPv6 addresses; the IPv4-mapped ones, which Java turns into IPv4, are left out. */
    static Arbitrary<InetAddress> ipv6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(KeepalivedText::address)
                .filter(a -> a.getAddress().length == 16);
    }

    static Arbitrary<InetAddress> anyAddress() {
        return Arbitraries.oneOf(ipv4(), ipv6());
    }

    static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Seconds from 0 with microsecond resolution (keepalived reads up to 6 fraction digits). */
    static Arbitrary<Duration> seconds() {
        return Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveSeconds());
    }

    static Arbitrary<Duration> positiveSeconds() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 2_147_483).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, 100_000_000).map(us -> Duration.ofNanos(us * 1_000)));
    }

    /** At least one second (smtp_connect_timeout, lvs_timeouts). */
    static Arbitrary<Duration> atLeastOneSecond() {
        return Arbitraries.longs().between(1_000_000, 3_000_000_000L).map(us -> Duration.ofNanos(us * 1_000));
    }
}
