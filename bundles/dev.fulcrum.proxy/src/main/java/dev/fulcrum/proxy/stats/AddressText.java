package dev.fulcrum.proxy.stats;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The {@code addr} column: "IP:port" as HAProxy prints it, an IPv6 address in brackets and in its
 * canonical short form (RFC 5952 4.2: the longest run of two or more zero groups becomes "::",
 * the first such run on a tie), which {@link java.net.InetAddress#getHostAddress} does not give.
 */
final class AddressText {

    private AddressText() {
    }

    static String of(InetSocketAddress address) {
        if (address.getAddress() instanceof Inet6Address v6) {
            return "[" + shortForm(v6) + "]:" + address.getPort();
        }
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    static String shortForm(Inet6Address address) {
        String full = address.getHostAddress();
        int scope = full.indexOf('%');
        String[] groups = (scope < 0 ? full : full.substring(0, scope)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
