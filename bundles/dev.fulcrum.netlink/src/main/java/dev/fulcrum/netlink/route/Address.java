package dev.fulcrum.netlink.route;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An interface address as RTM_NEWADDR carries it: {@code struct ifaddrmsg} (linux/if_addr.h) plus
 * IFA_LOCAL/IFA_ADDRESS, IFA_LABEL and IFA_FLAGS.
 *
 * @param linkIndex    ifa_index
 * @param address      the interface's own address (IFA_LOCAL; IFA_ADDRESS for IPv6)
 * @param prefixLength ifa_prefixlen
 * @param scope        ifa_scope
 * @param label        IFA_LABEL: IPv4 only (an alias name such as "eth0:vip", at most 15 bytes)
 * @param flags        IFA_F_* (IFA_FLAGS, or ifa_flags when absent)
 */
public record Address(int linkIndex, InetAddress address, int prefixLength, AddressScope scope, Optional<String> label,
        int flags) {

    /** IFA_F_SECONDARY. */
    public static final int F_SECONDARY = 0x01;
    /** IFA_F_NODAD: no duplicate address detection (keepalived's VIPs use it for IPv6). */
    public static final int F_NODAD = 0x02;
    /** IFA_F_TENTATIVE: duplicate address detection still running. */
    public static final int F_TENTATIVE = 0x40;
    /** IFA_F_PERMANENT: configured, not learnt. */
    public static final int F_PERMANENT = 0x80;
    /** IFA_F_NOPREFIXROUTE: do not add the prefix route. */
    public static final int F_NOPREFIXROUTE = 0x200;

    /** IFNAMSIZ (linux/if.h): a label and its NUL fit 16 bytes. */
    private static final int LABEL_SIZE = 16;

    public Address {
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("not an interface index: " + linkIndex);
        }
        int bits = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length of " + address.getHostAddress() + " must be 0 to " + bits
                    + ": " + prefixLength);
        }
        if (label.isPresent()) {
            String text = label.get();
            if (!(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("an address label (IFA_LABEL) is IPv4 only: " + address.getHostAddress());
            }
            if (text.isEmpty() || text.getBytes(StandardCharsets.UTF_8).length >= LABEL_SIZE || text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("address label must be 1 to " + (LABEL_SIZE - 1) + " bytes: \"" + text + "\"");
            }
        }
    }

    /** A global-scope address without label or flags. */
    public static Address of(int linkIndex, InetAddress address, int prefixLength) {
        return new Address(linkIndex, address, prefixLength, AddressScope.UNIVERSE, Optional.empty(), 0);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** "10.0.0.1/24". */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
