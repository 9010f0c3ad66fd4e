package dev.fulcrum.config.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Numeric IP addresses only: never a name lookup (InetAddress.getByName would query DNS for
 * anything that is not a literal). IPv4 is the strict dotted quad of inet_pton(3) without leading
 * zeros, which some resolvers would read as octal; IPv6 is RFC 4291 section 2.2 text.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * An IPv4 or IPv6 literal, parsed by hand: never a name, never a DNS look-up. Shared by the
     * keepalived.conf and haproxy.cfg readers and the model JSON, so all three accept the same.
     */
    public static Optional<InetAddress> parse(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    public static Optional<InetAddress> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = octet(parts[i]);
            if (value < 0) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(fromBytes(bytes));
    }

    /** 0..255 written without leading zeros, or -1. */
    private static int octet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    public static Optional<InetAddress> ipv6(String text) {
        byte[] bytes = new byte[16];
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] front = groups(head, gap < 0);
        byte[] back = gap >= 0 ? groups(tail, true) : new byte[0];
        if (front == null || back == null) {
            return Optional.empty();
        }
        if (gap < 0 ? front.length != 16 : front.length + back.length > 14) {
            return Optional.empty();
        }
        System.arraycopy(front, 0, bytes, 0, front.length);
        System.arraycopy(back, 0, bytes, 16 - back.length, back.length);
        try {
            return Optional.of(Inet6Address.getByAddress(null, bytes, -1));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** Colon-separated hex groups, the last possibly a dotted IPv4 when {@code mayEndWithIpv4}; null if invalid. */
    private static byte[] groups(String text, boolean mayEndWithIpv4) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        String[] parts = text.split(":", -1);
        byte[] bytes = new byte[parts.length * 2 + 2];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndWithIpv4 && part.indexOf('.') >= 0) {
                Optional<InetAddress> v4 = ipv4(part);
                if (v4.isEmpty()) {
                    return null;
                }
                System.arraycopy(v4.get().getAddress(), 0, bytes, length, 4);
                length += 4;
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                int digit = hexDigit(part.charAt(k));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            bytes[length++] = (byte) (value >> 8);
            bytes[length++] = (byte) value;
        }
        return java.util.Arrays.copyOf(bytes, length);
    }

    public static InetAddress anyIpv4() {
        return fromBytes(new byte[4]);
    }

    public static InetAddress anyIpv6() {
        try {
            return Inet6Address.getByAddress(null, new byte[16], -1);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static InetAddress fromBytes(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** ASCII hex digits only (Character.digit would take other scripts' digits too). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
