package dev.fulcrum.ipvs;

import java.util.Optional;

/**
 * A destination's packet-forwarding method, IPVS_DEST_ATTR_FWD_METHOD = the IP_VS_CONN_F_FWD_MASK
 * bits of ip_vs.h; the label is the one {@code ipvsadm -L} prints.
 */
public enum IpvsForwarding {
    /** IP_VS_CONN_F_MASQ: NAT. */
    MASQ(0x0, "Masq"),
    /** IP_VS_CONN_F_LOCALNODE: the real server is this host. */
    LOCAL(0x1, "Local"),
    /** IP_VS_CONN_F_TUNNEL: IP-in-IP, GUE or GRE. */
    TUNNEL(0x2, "Tunnel"),
    /** IP_VS_CONN_F_DROUTE: direct routing. */
    ROUTE(0x3, "Route"),
    /** IP_VS_CONN_F_BYPASS: cache bypass. */
    BYPASS(0x4, "Bypass");

    /** IP_VS_CONN_F_FWD_MASK. */
    public static final int MASK = 0x7;

    private final int code;
    private final String label;

    IpvsForwarding(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<IpvsForwarding> ofCode(long code) {
        for (IpvsForwarding forwarding : values()) {
            if (forwarding.code == (code & MASK)) {
                return Optional.of(forwarding);
            }
        }
        return Optional.empty();
    }
}
