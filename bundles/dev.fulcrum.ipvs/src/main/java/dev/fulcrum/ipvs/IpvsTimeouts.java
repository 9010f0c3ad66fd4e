package dev.fulcrum.ipvs;

/**
 * IPVS_CMD_ATTR_TIMEOUT_TCP, _TCP_FIN, _UDP in seconds (ipvsadm --set); in a SET_CONFIG request 0
 * leaves the kernel's value unchanged.
 */
public record IpvsTimeouts(long tcp, long tcpFin, long udp) {

    public IpvsTimeouts {
        if (tcp < 0 || tcpFin < 0 || udp < 0 || tcp > 0xFFFF_FFFFL || tcpFin > 0xFFFF_FFFFL || udp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timeouts are 0..4294967295 s: " + tcp + " " + tcpFin + " " + udp);
        }
    }
}
