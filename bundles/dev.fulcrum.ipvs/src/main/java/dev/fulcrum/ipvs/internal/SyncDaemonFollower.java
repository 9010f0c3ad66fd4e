package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.SyncDaemon;
import dev.fulcrum.netlink.NetlinkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * keepalived.conf(5) global_defs {@code lvs_sync_daemon <INTERFACE> <VRRP_INSTANCE> [id N] [maxlen N]
 * [port N] [ttl N] [group IP]}: the kernel's connection synchronisation daemon runs as master while
 * the named VRRP instance is MASTER and as backup otherwise (BACKUP, FAULT, not running, or no VRRP
 * service at all), as keepalived switches it on each transition. Exactly the wanted daemon runs:
 * one of the other role or with other settings is stopped first. When the setting goes away, the
 * daemons this class started are stopped. Calls are serialised.
 */
final class SyncDaemonFollower {

    static final String SYNC_ERROR = "ipvs.syncd";

    private final IpvsClient client;
    private final Consumer<String> log;
    private Optional<LvsSyncDaemon> config = Optional.empty();
    private Optional<VrrpStates> vrrp = Optional.empty();
    private boolean started;

    SyncDaemonFollower(IpvsClient client, Consumer<String> log) {
        this.client = client;
        this.log = log;
    }

    /** A revision's {@code lvs_sync_daemon}. */
    synchronized List<ReconcileError> configure(Optional<LvsSyncDaemon> newConfig) {
        this.config = newConfig;
        return follow();
    }

    /** The VRRP states service came or went. */
    synchronized List<ReconcileError> vrrpChanged(Optional<VrrpStates> states) {
        this.vrrp = states;
        return follow();
    }

    /** One instance changed state; only the followed one matters. */
    synchronized List<ReconcileError> instanceChanged(String instance) {
        if (config.isEmpty() || !config.get().vrrpInstance().equals(instance)) {
            return List.of();
        }
        return follow();
    }

    /** The daemon the configuration wants now, if any. */
    synchronized Optional<SyncDaemon> wanted() {
        return config.map(c -> daemon(c, role(c)));
    }

    private SyncDaemon.Role role(LvsSyncDaemon c) {
        boolean master = vrrp.flatMap(states -> states.state(c.vrrpInstance())).filter(s -> s == VrrpStates.State.MASTER)
                .isPresent();
        return master ? SyncDaemon.Role.MASTER : SyncDaemon.Role.BACKUP;
    }

    /** In a start request 0 and an empty group leave the kernel's defaults (port 8848, ttl 1, group 224.0.0.81). */
    static SyncDaemon daemon(LvsSyncDaemon c, SyncDaemon.Role role) {
        return new SyncDaemon(role, c.interfaceName(), c.syncId().orElse(0), c.maxlen().orElse(0), c.group(),
                c.port().orElse(0), c.ttl().orElse(0));
    }

    /** Whether a running daemon is the wanted one: the values the request left to the kernel are not compared. */
    static boolean runsAsWanted(SyncDaemon actual, SyncDaemon wanted) {
        return actual.role() == wanted.role() && actual.interfaceName().equals(wanted.interfaceName())
                && actual.syncId() == wanted.syncId() && (wanted.maxlen() == 0 || actual.maxlen() == wanted.maxlen())
                && (wanted.port() == 0 || actual.port() == wanted.port()) && (wanted.ttl() == 0 || actual.ttl() == wanted.ttl())
                && (wanted.group().isEmpty() || actual.group().equals(wanted.group()));
    }

    private List<ReconcileError> follow() {
        if (config.isEmpty() && !started) {
            return List.of(); // never ours: a daemon someone started with ipvsadm stays
        }
        List<ReconcileError> errors = new ArrayList<>();
        try {
            Optional<SyncDaemon> wanted = wanted();
            boolean running = false;
            for (SyncDaemon actual : client.daemons()) {
                if (wanted.isPresent() && runsAsWanted(actual, wanted.get())) {
                    running = true;
                } else {
                    client.stopDaemon(actual.role());
                    log.accept("ipvs: stopped the " + actual.role().label() + " sync daemon on " + actual.interfaceName());
                }
            }
            if (wanted.isPresent() && !running) {
                client.startDaemon(wanted.get());
                log.accept("ipvs: started the " + wanted.get().role().label() + " sync daemon on "
                        + wanted.get().interfaceName() + " (syncid " + wanted.get().syncId() + ", following VRRP instance "
                        + config.get().vrrpInstance() + ")");
            }
            started = wanted.isPresent();
        } catch (NetlinkException e) {
            errors.add(new ReconcileError(SYNC_ERROR, "lvs_sync_daemon: " + e.getMessage()));
        }
        return errors;
    }

    /** keepalived stops its sync daemon when it exits; so does Fulcrum when the subsystem stops. */
    synchronized void close() {
        config = Optional.empty();
        List<ReconcileError> errors = follow();
        errors.forEach(e -> log.accept(e.message()));
    }
}
