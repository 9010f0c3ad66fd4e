package dev.fulcrum.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection synchronisation daemon (ip_vs.h IPVS_CMD_ATTR_DAEMON, ipvsadm --start-daemon).
 * In a start request 0 for maxlen, port or ttl and an empty group leave the kernel's defaults.
 *
 * @param syncId IPVS_DAEMON_ATTR_SYNC_ID, 0..255
 * @param maxlen IPVS_DAEMON_ATTR_SYNC_MAXLEN, the UDP payload size
 * @param group  IPVS_DAEMON_ATTR_MCAST_GROUP or _GROUP6
 * @param port   IPVS_DAEMON_ATTR_MCAST_PORT
 * @param ttl    IPVS_DAEMON_ATTR_MCAST_TTL
 */
public record SyncDaemon(Role role, String interfaceName, int syncId, int maxlen, Optional<InetAddress> group,
        int port, int ttl) {

    public SyncDaemon {
        Objects.requireNonNull(role, "role");
        IpvsCodec.checkName("interface", interfaceName);
        Objects.requireNonNull(group, "group");
        check("sync id", syncId, 255);
        check("maxlen", maxlen, 0xFFFF);
        check("port", port, 0xFFFF);
        check("ttl", ttl, 255);
    }

    public boolean ipv6Group() {
        return group.filter(g -> g instanceof Inet6Address).isPresent();
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("sync daemon " + name + " must be 0.." + max + ": " + value);
        }
    }

    /** IPVS_DAEMON_ATTR_STATE: IP_VS_STATE_MASTER or IP_VS_STATE_BACKUP. */
    public enum Role {
        MASTER(IpvsGenl.STATE_MASTER), BACKUP(IpvsGenl.STATE_BACKUP);

        private final int state;

        Role(int state) {
            this.state = state;
        }

        public int state() {
            return state;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
