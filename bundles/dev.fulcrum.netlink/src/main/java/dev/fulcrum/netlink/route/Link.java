package dev.fulcrum.netlink.route;

import java.util.Optional;

/**
 * A network interface as RTM_NEWLINK describes it: {@code struct ifinfomsg} (linux/rtnetlink.h)
 * and the IFLA_* attributes this appliance needs (linux/if_link.h).
 *
 * @param index           ifi_index
 * @param name            IFLA_IFNAME
 * @param type            ifi_type: an ARPHRD_* value (1 = Ethernet, 772 = loopback)
 * @param flags           ifi_flags: IFF_* (linux/if.h)
 * @param mtu             IFLA_MTU, 0 when absent
 * @param hardwareAddress IFLA_ADDRESS as "aa:bb:cc:dd:ee:ff" (as {@code ip -j link} prints it), "" when absent
 * @param operState       IFLA_OPERSTATE
 * @param kind            IFLA_LINKINFO / IFLA_INFO_KIND ("dummy", "veth", ...), empty for hardware
 */
public record Link(int index, String name, int type, int flags, int mtu, String hardwareAddress, OperState operState,
        Optional<String> kind) {

    /** IFF_UP: administratively up. */
    public static final int IFF_UP = 1;
    /** IFF_RUNNING: RFC 2863 OPER_UP. */
    public static final int IFF_RUNNING = 1 << 6;
    /** IFF_LOWER_UP: the driver signals L1 up. */
    public static final int IFF_LOWER_UP = 1 << 16;

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    public boolean isLowerUp() {
        return (flags & IFF_LOWER_UP) != 0;
    }
}
