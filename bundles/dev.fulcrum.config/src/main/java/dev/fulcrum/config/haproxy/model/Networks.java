package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.IpLiterals;
import dev.fulcrum.config.internal.ProblemCollector;

/**
 * An IPv4 or IPv6 address with an optional mask, as {@code option forwardfor except} and the
 * {@code src} ACL take it (configuration.txt 7.1.6 "Matching IPv4 and IPv6 addresses"): a prefix
 * length or, for IPv4, a dotted netmask. Never resolves a name.
 */
final class Networks {

    private Networks() {
    }

    static boolean check(Token token, ProblemCollector problems) {
        String text = token.text();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        if (!(v6 ? isIpv6(address) : isIpv4(address))) {
            problems.error(token.location(), text, "invalid network: expected an IPv4 or IPv6 address with an"
                    + " optional /MASK");
            return false;
        }
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            int max = v6 ? 128 : 32;
            boolean ok = (!v6 && isIpv4(mask)) || (mask.matches("[0-9]{1,3}") && Integer.parseInt(mask) <= max);
            if (!ok) {
                problems.error(token.locationAt(slash + 1), text, "invalid mask '" + mask + "': expected a prefix length"
                        + " from 0 to " + max + (v6 ? "" : " or a dotted netmask"));
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String text) {
        return text.indexOf(':') < 0 && IpLiterals.ipv4(text).isPresent();
    }

    private static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && IpLiterals.ipv6(text).isPresent();
    }
}
