package dev.fulcrum.ipvs;

import java.util.Objects;

/**
 * How a TUNNEL destination encapsulates (ip_vs.h IPVS_DEST_ATTR_TUN_TYPE, TUN_PORT, TUN_FLAGS).
 *
 * @param port  the UDP destination port of GUE, 0 otherwise
 * @param flags IP_VS_TUNNEL_ENCAP_FLAG_CSUM / _REMCSUM, 0 = no checksum
 */
public record IpvsTunnel(Type type, int port, int flags) {

    public static final IpvsTunnel IPIP = new IpvsTunnel(Type.IPIP, 0, 0);
    /** IP_VS_TUNNEL_ENCAP_FLAG_CSUM. */
    public static final int FLAG_CSUM = 1;
    /** IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM. */
    public static final int FLAG_REMCSUM = 2;

    public IpvsTunnel {
        Objects.requireNonNull(type, "type");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("tunnel port must be 0..65535: " + port);
        }
        if (type == Type.GUE && port == 0) {
            throw new IllegalArgumentException("a GUE tunnel needs its UDP port");
        }
    }

    /** IP_VS_CONN_F_TUNNEL_TYPE_IPIP, _GUE, _GRE (ip_vs.h), in that order from 0. */
    public enum Type {
        IPIP, GUE, GRE
    }
}
