package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;

/**
 * keepalived.conf(5) {@code lvs_method TUN [type {ipip|gue port NUM|gre} [nocsum|csum|remcsum]]}:
 * how a tunnelled real server's packets are encapsulated (ip_vs.h IPVS_DEST_ATTR_TUN_TYPE, TUN_PORT,
 * TUN_FLAGS; GUE since Linux 5.2, GRE and the checksum options since 5.3).
 *
 * @param port     {@code port NUM}: the GUE receiver's UDP port, required for GUE and only there (0 otherwise)
 * @param checksum {@code nocsum} (default), {@code csum}, {@code remcsum} (GUE only); IPIP takes none
 */
public record Tunnel(Type type, int port, Checksum checksum) {

    /** keepalived's default tunnel: plain IP-in-IP. */
    public static final Tunnel IPIP = new Tunnel(Type.IPIP, 0, Checksum.NOCSUM);

    public Tunnel {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(checksum, "checksum");
        if (type == Type.GUE) {
            Checks.range("port", port, 1, 65535);
        } else if (port != 0) {
            throw new IllegalArgumentException("port is for a GUE tunnel only, not " + type.keyword());
        }
        if (type == Type.IPIP && checksum != Checksum.NOCSUM) {
            throw new IllegalArgumentException("an ipip tunnel takes no checksum option, got " + checksum.keyword());
        }
        if (type == Type.GRE && checksum == Checksum.REMCSUM) {
            throw new IllegalArgumentException("a gre tunnel takes nocsum or csum, not remcsum");
        }
    }

    /** {@code type ipip|gue|gre} (IP_VS_CONN_F_TUNNEL_TYPE_IPIP, _GUE, _GRE). */
    public enum Type {
        IPIP, GUE, GRE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM, _CSUM, _REMCSUM. */
    public enum Checksum {
        NOCSUM, CSUM, REMCSUM;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
