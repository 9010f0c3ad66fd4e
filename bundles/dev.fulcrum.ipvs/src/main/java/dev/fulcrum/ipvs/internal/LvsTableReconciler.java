package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsTimeouts;
import dev.fulcrum.netlink.NetlinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps the kernel's IPVS table equal to the LVS configuration: reads the actual table, plans the
 * smallest ordered change ({@link TablePlan}) and applies it, remembering which services Fulcrum owns
 * so that services someone else made are left alone. {@link #repairDrift} re-applies the last
 * configuration (after someone ran {@code ipvsadm -D}) and logs what it repaired. Calls are serialised.
 */
final class LvsTableReconciler {

    static final String KERNEL_ERROR = "ipvs.kernel";
    static final String CONFIG_ERROR = "ipvs.config";

    private final IpvsClient client;
    private final Consumer<String> log;
    private final Set<IpvsKey> owned = new HashSet<>();
    private final QuorumTracker quorum = new QuorumTracker();
    private RealServerHealth health = RealServerHealth.ALL_UP;
    private LvsConfig config = LvsConfig.EMPTY;
    private LvsTimeouts timeouts = LvsTimeouts.UNCHANGED;

    LvsTableReconciler(IpvsClient client, Consumer<String> log) {
        this(client, log, Set.of(), RealServerHealth.ALL_UP);
    }

    /**
     * @param ownedBefore the services Fulcrum owned before a restart (those still in the kernel stay owned)
     * @param health      the checkers' verdicts, consulted on every pass
     */
    LvsTableReconciler(IpvsClient client, Consumer<String> log, Set<IpvsKey> ownedBefore, RealServerHealth health) {
        this.client = client;
        this.log = log;
        this.owned.addAll(ownedBefore);
        this.health = health;
    }

    /** What one pass did: the changes the kernel accepted and the errors of the others. */
    record Outcome(List<TableChange> applied, List<ReconcileError> errors) {
    }

    synchronized Outcome apply(LvsConfig newConfig, LvsTimeouts newTimeouts) {
        this.config = newConfig;
        this.timeouts = newTimeouts;
        return pass();
    }

    /** The health checkers changed their verdict: re-plan with the same configuration. */
    synchronized Outcome healthChanged(RealServerHealth newHealth) {
        this.health = newHealth;
        return pass();
    }

    /** Re-applies the last configuration; logs a line when the kernel's table had drifted from it. */
    synchronized Outcome repairDrift() {
        Outcome outcome = pass();
        if (!outcome.applied().isEmpty()) {
            log.accept("ipvs: repaired drift of the kernel table (" + outcome.applied().size() + " changes: "
                    + String.join(", ", outcome.applied().stream().map(TableChange::describe).toList()) + ")");
        }
        return outcome;
    }

    synchronized Set<IpvsKey> owned() {
        return Set.copyOf(owned);
    }

    private Outcome pass() {
        List<ReconcileError> errors = new ArrayList<>();
        Map<IpvsKey, DesiredService> desired;
        try {
            desired = DesiredTable.build(config, health, quorum);
        } catch (IllegalArgumentException e) {
            return new Outcome(List.of(), List.of(new ReconcileError(CONFIG_ERROR, e.getMessage())));
        }
        Map<IpvsKey, DesiredService> actual;
        try {
            actual = actual(desired.keySet());
            applyTimeouts();
        } catch (NetlinkException e) {
            return new Outcome(List.of(), List.of(new ReconcileError(KERNEL_ERROR, e.getMessage())));
        }
        owned.retainAll(actual.keySet());
        owned.addAll(actual.keySet().stream().filter(desired::containsKey).toList()); // adopted
        List<TableChange> applied = new ArrayList<>();
        Set<IpvsKey> failedServices = new HashSet<>();
        for (TableChange change : TablePlan.between(actual, desired, owned)) {
            if (failedServices.contains(change.key())) {
                continue; // its service could not be added: every further request would fail with ESRCH
            }
            try {
                change.applyTo(client);
                applied.add(change);
                if (change instanceof TableChange.AddService) {
                    owned.add(change.key());
                } else if (change instanceof TableChange.DeleteService) {
                    owned.remove(change.key());
                }
            } catch (NetlinkException e) {
                errors.add(new ReconcileError(KERNEL_ERROR, e.getMessage()));
                if (change instanceof TableChange.AddService) {
                    failedServices.add(change.key());
                }
            }
        }
        return new Outcome(applied, errors);
    }

    /** The kernel's services that are desired or owned, with their destinations; others are not read. */
    private Map<IpvsKey, DesiredService> actual(Set<IpvsKey> desired) throws NetlinkException {
        Map<IpvsKey, DesiredService> actual = new LinkedHashMap<>();
        for (IpvsService service : client.services()) {
            if (desired.contains(service.key()) || owned.contains(service.key())) {
                actual.put(service.key(), new DesiredService(service, client.destinations(service.key())));
            }
        }
        return actual;
    }

    /** lvs_timeouts: set only the values given, and only when the kernel's differ. */
    private void applyTimeouts() throws NetlinkException {
        if (timeouts.equals(LvsTimeouts.UNCHANGED)) {
            return;
        }
        IpvsTimeouts current = client.timeouts();
        IpvsTimeouts wanted = new IpvsTimeouts(seconds(timeouts.tcp().orElse(null), current.tcp()),
                seconds(timeouts.tcpfin().orElse(null), current.tcpFin()), seconds(timeouts.udp().orElse(null), current.udp()));
        if (!wanted.equals(current)) {
            client.setTimeouts(wanted);
        }
    }

    private static long seconds(Duration value, long current) {
        return value == null ? current : Math.max(1, value.toSeconds());
    }
}
