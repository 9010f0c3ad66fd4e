package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsErrorException;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps the kernel's IPVS table equal to the LVS configuration: plans the smallest ordered change
 * ({@link TablePlan}) and applies it, remembering which services Fulcrum owns so that services someone
 * else made are left alone.
 * <p>
 * The plan starts from the table Fulcrum last applied in full (its snapshot), so a new revision or a
 * health change sends only what changed and reads nothing back. The kernel's table is read (one dump
 * of the services, one of each desired or owned service's destinations) when there is no snapshot yet,
 * when a pass had errors (the snapshot is then dropped), right away when the kernel refuses a change of
 * an incremental pass (dump, full diff, apply: the snapshot never silently differs from the kernel),
 * and by {@link #repairDrift}, which logs what it repaired (after someone ran {@code ipvsadm -D}).
 * Removals are sent only after the additions and edits were acknowledged, and not for a service whose
 * additions failed, so that no service loses destinations before their replacements are in.
 * Calls are serialised.
 */
final class LvsTableReconciler {

    static final String KERNEL_ERROR = "ipvs.kernel";
    static final String CONFIG_ERROR = "ipvs.config";

    private final IpvsClient client;
    private final Consumer<String> log;
    private final Set<IpvsKey> owned = new HashSet<>();
    private final QuorumTracker quorum = new QuorumTracker();
    private final DesiredTable desiredTable = new DesiredTable();
    private RealServerHealth health = RealServerHealth.ALL_UP;
    private LvsConfig config = LvsConfig.EMPTY;
    private LvsTimeouts timeouts = LvsTimeouts.UNCHANGED;
    /** The lvs_timeouts the kernel was last seen to have (read or set); null: unknown. */
    private LvsTimeouts timeoutsInKernel;
    /** The desired and owned part of the kernel's table as the last error-free pass left it; null: unknown. */
    private Map<IpvsKey, DesiredService> snapshot;
    private PhaseTimes phaseTimes = PhaseTimes.NONE;

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

    /** Told how long each phase of a pass took (the benchmark's breakdown; nothing is logged). */
    @FunctionalInterface
    interface PhaseTimes {
        PhaseTimes NONE = (phase, nanos) -> { };

        /** {@code phase}: "desired table", "plan", "netlink exchange" (once per batch). */
        void took(String phase, long nanos);
    }

    synchronized void phaseTimes(PhaseTimes times) {
        this.phaseTimes = times;
    }

    /** What one pass did: the changes the kernel accepted and the errors of the others. */
    record Outcome(List<TableChange> applied, List<ReconcileError> errors) {
    }

    synchronized Outcome apply(LvsConfig newConfig, LvsTimeouts newTimeouts) {
        this.config = newConfig;
        this.timeouts = newTimeouts;
        return pass(false);
    }

    /** The health checkers changed their verdict: re-plan with the same configuration. */
    synchronized Outcome healthChanged(RealServerHealth newHealth) {
        this.health = newHealth;
        return pass(false);
    }

    /** Reads the kernel's table and re-applies the last configuration; logs a line when it had drifted. */
    synchronized Outcome repairDrift() {
        Outcome outcome = pass(true);
        if (!outcome.applied().isEmpty()) {
            log.accept("ipvs: repaired drift of the kernel table (" + outcome.applied().size() + " changes: "
                    + String.join(", ", outcome.applied().stream().map(TableChange::describe).toList()) + ")");
        }
        return outcome;
    }

    /** Removes every service (keepalived.conf(5) lvs_flush); the table is read again on the next pass. */
    synchronized void flush() throws NetlinkException {
        snapshot = null;
        client.flush();
    }

    synchronized Set<IpvsKey> owned() {
        return Set.copyOf(owned);
    }

    /** How many services Fulcrum owns (without copying the set: status lines ask after every revision). */
    synchronized int ownedCount() {
        return owned.size();
    }

    private Outcome pass(boolean readKernel) {
        Map<IpvsKey, DesiredService> desired;
        long start = System.nanoTime();
        try {
            desired = desiredTable.next(config, health, quorum);
            phaseTimes.took("desired table", System.nanoTime() - start);
        } catch (IllegalArgumentException e) {
            return new Outcome(List.of(), List.of(new ReconcileError(CONFIG_ERROR, e.getMessage())));
        }
        try {
            applyTimeouts(readKernel || snapshot == null);
        } catch (NetlinkException e) {
            timeoutsInKernel = null;
            return new Outcome(List.of(), List.of(new ReconcileError(KERNEL_ERROR, e.getMessage())));
        }
        if (readKernel || snapshot == null) {
            return fromKernel(desired);
        }
        Outcome incremental = applyPlan(snapshot, desired);
        if (incremental.errors().isEmpty()) {
            return incremental;
        }
        log.accept("ipvs: the kernel refused " + incremental.errors().size() + " of the changes (first: "
                + incremental.errors().get(0).message() + "); reading its table and applying the full difference");
        Outcome full = fromKernel(desired);
        List<TableChange> applied = new ArrayList<>(incremental.applied());
        applied.addAll(full.applied());
        return new Outcome(applied, full.errors());
    }

    /** Reads the desired and owned part of the kernel's table, adopts desired services, applies the difference. */
    private Outcome fromKernel(Map<IpvsKey, DesiredService> desired) {
        snapshot = null;
        Map<IpvsKey, DesiredService> actual;
        try {
            actual = actual(desired.keySet());
        } catch (NetlinkException e) {
            return new Outcome(List.of(), List.of(new ReconcileError(KERNEL_ERROR, e.getMessage())));
        }
        owned.retainAll(actual.keySet());
        owned.addAll(actual.keySet().stream().filter(desired::containsKey).toList()); // adopted
        return applyPlan(actual, desired);
    }

    /**
     * Sends the plan from {@code have} to {@code desired} in two batches, additions and edits, then the
     * removals of services none of whose changes failed. Without errors, {@code desired} is what the
     * kernel now has and becomes the snapshot; with errors the snapshot is dropped.
     */
    private Outcome applyPlan(Map<IpvsKey, DesiredService> have, Map<IpvsKey, DesiredService> desired) {
        long start = System.nanoTime();
        List<TableChange> plan = TablePlan.between(have, desired, owned);
        phaseTimes.took("plan", System.nanoTime() - start);
        List<TableChange> applied = new ArrayList<>();
        List<ReconcileError> errors = new ArrayList<>();
        Set<IpvsKey> failed = new HashSet<>();
        try {
            send(plan.stream().filter(change -> !change.removes()).toList(), applied, errors, failed);
            send(plan.stream().filter(change -> change.removes() && !failed.contains(change.key())).toList(),
                    applied, errors, failed);
        } catch (NetlinkException e) {
            errors.add(new ReconcileError(KERNEL_ERROR, e.getMessage())); // the exchange broke off: unknown state
        }
        snapshot = errors.isEmpty() ? desired : null;
        return new Outcome(applied, errors);
    }

    /** One batch; the keys of refused changes go to {@code failed}. */
    private void send(List<TableChange> changes, List<TableChange> applied, List<ReconcileError> errors,
            Set<IpvsKey> failed) throws NetlinkException {
        if (changes.isEmpty()) {
            return;
        }
        IpvsClient.Batch batch = client.batch();
        changes.forEach(change -> change.addTo(batch));
        long start = System.nanoTime();
        List<Optional<IpvsErrorException>> refusals = batch.send();
        phaseTimes.took("netlink exchange", System.nanoTime() - start);
        Set<IpvsKey> missingServices = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            TableChange change = changes.get(i);
            if (refusals.get(i).isEmpty()) {
                applied.add(change);
                if (change instanceof TableChange.AddService) {
                    owned.add(change.key());
                } else if (change instanceof TableChange.DeleteService) {
                    owned.remove(change.key());
                }
            } else if (!missingServices.contains(change.key())) {
                // a refused new service: its destinations' ESRCH that follow are consequences, not news
                errors.add(new ReconcileError(KERNEL_ERROR, refusals.get(i).get().getMessage()));
                failed.add(change.key());
                if (change instanceof TableChange.AddService) {
                    missingServices.add(change.key());
                }
            }
        }
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

    /**
     * lvs_timeouts: set only the values given, and only when the kernel's differ. The kernel's are read
     * when {@code read} (the table is read too) or the configured ones changed, not on every revision.
     */
    private void applyTimeouts(boolean read) throws NetlinkException {
        if (timeouts.equals(LvsTimeouts.UNCHANGED) || !read && timeouts.equals(timeoutsInKernel)) {
            return;
        }
        IpvsTimeouts current = client.timeouts();
        IpvsTimeouts wanted = new IpvsTimeouts(seconds(timeouts.tcp().orElse(null), current.tcp()),
                seconds(timeouts.tcpfin().orElse(null), current.tcpFin()), seconds(timeouts.udp().orElse(null), current.udp()));
        if (!wanted.equals(current)) {
            client.setTimeouts(wanted);
        }
        timeoutsInKernel = timeouts;
    }

    private static long seconds(Duration value, long current) {
        return value == null ? current : Math.max(1, value.toSeconds());
    }
}
