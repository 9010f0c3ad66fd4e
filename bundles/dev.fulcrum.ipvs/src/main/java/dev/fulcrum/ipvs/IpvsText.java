package dev.fulcrum.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** How ipvsadm writes services and addresses: {@code TCP 10.0.0.1:80}, {@code [2001:db8::1]:443}, {@code FWM 7}. */
public final class IpvsText {

    private IpvsText() {
    }

    /** {@code 10.0.0.1:80}, {@code [2001:db8::1]:443}. */
    public static String endpoint(InetAddress address, int port) {
        return (address instanceof Inet6Address ? "[" + address(address) + "]" : address(address)) + ":" + port;
    }

    /** {@code 10.0.0.1}, {@code 2001:db8::1} (as inet_ntop writes them). */
    public static String address(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? compress(host) : host;
    }

    /** {@code TCP 10.0.0.1:80}, {@code FWM 7}, {@code FWM 8 IPv6}. */
    public static String key(IpvsKey key) {
        if (key instanceof IpvsKey.Address address) {
            return address.protocol().name() + " " + endpoint(address.address(), address.port());
        }
        IpvsKey.Fwmark fwmark = (IpvsKey.Fwmark) key;
        return "FWM " + fwmark.mark() + (fwmark.forIpv6() ? " IPv6" : "");
    }

    public static String destination(IpvsDestination destination) {
        return "real server " + endpoint(destination.address(), destination.port());
    }

    /**
     * RFC 5952 text: Java writes 2001:db8:0:0:0:0:0:1; ipvsadm (inet_ntop) writes 2001:db8::1, the
     * longest run of two or more zero groups replaced by "::" (the first one on a tie).
     */
    static String compress(String full) {
        String[] groups = full.toLowerCase(Locale.ROOT).split("%")[0].split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength && length >= 2) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
