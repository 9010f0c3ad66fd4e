package dev.fulcrum.api.model.global;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code lvs_sync_daemon <INTERFACE> <VRRP_INSTANCE> [id <SYNC_ID>] [maxlen <LEN>] [port <PORT>]
 * [ttl <TTL>] [group <IP ADDR>]} (keepalived.conf(5) global_defs): the IPVS connection
 * synchronisation daemon, master or backup following the named VRRP instance.
 *
 * @param syncId 0..255 (keepalived.conf(5): default 0, i.e. absent)
 * @param maxlen 1..65507 bytes
 * @param port   1..65535 (kernel default 8848)
 * @param ttl    1..255
 */
public record LvsSyncDaemon(String interfaceName, String vrrpInstance, OptionalInt syncId, OptionalInt maxlen,
        OptionalInt port, OptionalInt ttl, Optional<InetAddress> group) {

    public LvsSyncDaemon {
        Checks.name("interfaceName", interfaceName);
        Checks.name("vrrpInstance", vrrpInstance);
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(maxlen, "maxlen");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(group, "group");
        syncId.ifPresent(v -> Checks.range("syncId", v, 0, 255));
        maxlen.ifPresent(v -> Checks.range("maxlen", v, 1, 65507));
        port.ifPresent(v -> Checks.range("port", v, 1, 65535));
        ttl.ifPresent(v -> Checks.range("ttl", v, 1, 255));
    }
}
