package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.os.KernelModules;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsInfo;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The "ipvs" subsystem: hands each revision's LVS configuration to the {@link LvsTableReconciler}
 * and repairs drift every {@value #DRIFT_SECONDS} s. On a kernel without IP Virtual Server (no
 * ip_vs, or it cannot be loaded) it is INACTIVE with that reason, applies a revision without virtual
 * servers as a no-op and fails one with virtual servers with the code {@value #UNAVAILABLE}.
 */
@Component(service = {Reconciler.class, Subsystem.class, IpvsSubsystem.class}, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + IpvsSubsystem.NAME)
public final class IpvsSubsystem implements Reconciler, Subsystem {

    static final String NAME = "ipvs";
    static final String UNAVAILABLE = "ipvs.unavailable";
    /** The framework property naming the state directory; the owned services are kept in its ipvs/ folder. */
    static final String STATE_DIR_PROPERTY = "fulcrum.state.dir";
    /** How often the kernel table is compared with the configuration (someone may run ipvsadm). */
    static final long DRIFT_SECONDS = 10;

    private final Consumer<String> log;
    private final Optional<Connection> connection;
    private final Optional<IpvsClient> client;
    private final Optional<LvsTableReconciler> table;
    private final Optional<RealServerMonitors> monitors;
    private final Optional<SyncDaemonFollower> syncDaemon;
    private final Optional<OwnedServicesFile> ownedFile;
    private final Executor events;
    private final String unavailableReason;
    private final ScheduledExecutorService drift;
    private volatile SubsystemStatus status;
    /** No pass runs before the first revision: it would delete the services owned before a restart. */
    private volatile boolean revisionApplied;
    private boolean flushed;
    private HealthService healthService;
    private VrrpStates vrrpStates;
    private VrrpStates.Subscription vrrpSubscription;

    @Activate
    public IpvsSubsystem(@Reference NetlinkConnector connector, @Reference KernelModules modules,
            @Reference(service = LoggerFactory.class) Logger logger, BundleContext context) {
        this(() -> openWithModule(connector, modules), logger::info, true, singleThread("fulcrum-ipvs-events"),
                Optional.ofNullable(context.getProperty(STATE_DIR_PROPERTY)).map(dir -> Path.of(dir, NAME)));
        logger.info("ipvs: {} - {}", status.state(), status.reason());
        if (context.getProperty(STATE_DIR_PROPERTY) == null) {
            logger.warn("ipvs: no state directory ({} is not set): which services Fulcrum created is forgotten on restart",
                    STATE_DIR_PROPERTY);
        }
    }

    /** Opens the connection through {@code opener}; {@code repairDrift} starts the periodic repair. */
    IpvsSubsystem(ConnectionOpener opener, Consumer<String> log, boolean repairDrift) {
        this(opener, log, repairDrift, Runnable::run, Optional.empty());
    }

    /**
     * @param events         where health verdicts and VRRP state changes are handled, one at a time
     * @param stateDirectory where the owned services are kept across restarts; empty: not kept
     */
    IpvsSubsystem(ConnectionOpener opener, Consumer<String> log, boolean repairDrift, Executor events,
            Optional<Path> stateDirectory) {
        this.log = log;
        this.events = events;
        Connection opened = null;
        IpvsClient ipvs = null;
        String reason = null;
        try {
            opened = opener.open();
            ipvs = IpvsClient.open(opened);
        } catch (IOException e) {
            reason = "IPVS is not available on this host: " + e.getMessage();
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
        this.connection = Optional.ofNullable(opened);
        this.client = Optional.ofNullable(ipvs);
        this.unavailableReason = reason;
        this.ownedFile = client.isPresent() ? stateDirectory.map(dir -> new OwnedServicesFile(dir, log)) : Optional.empty();
        this.monitors = client.map(c -> new RealServerMonitors(events, log, this::verdictsChanged));
        this.table = client.map(c -> new LvsTableReconciler(c, log,
                ownedFile.map(OwnedServicesFile::load).orElse(Set.of()), monitors.get()));
        this.syncDaemon = client.map(c -> new SyncDaemonFollower(c, log));
        this.status = client.isPresent() ? SubsystemStatus.active(NAME, describe(client.get()))
                : SubsystemStatus.inactive(NAME, reason);
        if (repairDrift && table.isPresent()) {
            drift = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "fulcrum-ipvs-drift");
                thread.setDaemon(true);
                return thread;
            });
            drift.scheduleWithFixedDelay(this::repairDrift, DRIFT_SECONDS, DRIFT_SECONDS, TimeUnit.SECONDS);
        } else {
            drift = null;
        }
    }

    /** Opens a NETLINK_GENERIC socket; before that, loads ip_vs when it is available but not loaded. */
    private static Connection openWithModule(NetlinkConnector connector, KernelModules modules) throws IOException {
        if (!modules.isLoaded("ip_vs") && modules.isAvailable("ip_vs")) {
            modules.load("ip_vs");
        }
        return connector.open(NetlinkProtocol.GENERIC);
    }

    @Deactivate
    void deactivate() {
        if (drift != null) {
            drift.shutdownNow();
        }
        synchronized (this) {
            if (vrrpSubscription != null) {
                vrrpSubscription.close();
            }
        }
        monitors.ifPresent(RealServerMonitors::close);
        if (events instanceof ExecutorService service) {
            service.shutdownNow();
        }
        syncDaemon.ifPresent(SyncDaemonFollower::close);
        connection.ifPresent(Connection::close);
    }

    /** keepalived's checkers: optional, and replaceable while running; without one every real server is up. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setHealthService(HealthService service) {
        healthService = service;
        monitors.ifPresent(m -> m.serviceChanged(Optional.of(service)));
    }

    synchronized void unsetHealthService(HealthService service) {
        if (healthService == service) {
            healthService = null;
            monitors.ifPresent(m -> m.serviceChanged(Optional.empty()));
        }
    }

    /** The VRRP instances' states, for lvs_sync_daemon; without them the sync daemon is backup. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setVrrpStates(VrrpStates states) {
        if (vrrpSubscription != null) {
            vrrpSubscription.close();
        }
        vrrpStates = states;
        vrrpSubscription = states.subscribe((instance, state) -> events.execute(() -> syncDaemon
                .ifPresent(d -> report(d.instanceChanged(instance)))));
        events.execute(() -> syncDaemon.ifPresent(d -> report(d.vrrpChanged(Optional.of(states)))));
    }

    synchronized void unsetVrrpStates(VrrpStates states) {
        if (vrrpStates == states) {
            vrrpSubscription.close();
            vrrpSubscription = null;
            vrrpStates = null;
            events.execute(() -> syncDaemon.ifPresent(d -> report(d.vrrpChanged(Optional.empty()))));
        }
    }

    /** On {@code events}: a real server went up or down; re-plans at once (after the first revision). */
    private void verdictsChanged() {
        if (revisionApplied) {
            healthChanged(monitors.get()).ifPresent(outcome -> report(outcome.errors()));
        }
    }

    private void report(List<ReconcileError> errors) {
        errors.forEach(e -> log.accept("ipvs: " + e.message()));
    }

    private void keepOwned() {
        ownedFile.ifPresent(file -> file.save(table.get().owned()));
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReconcileResult reconcile(Revision revision) {
        var lvs = revision.state().lvs();
        if (table.isEmpty()) {
            if (lvs.virtualServers().isEmpty()) {
                status = status.withRevision(revision.number());
                return ReconcileResult.applied();
            }
            return ReconcileResult.failed(UNAVAILABLE, "revision " + revision.number() + " has "
                    + lvs.virtualServers().size() + " virtual servers but " + unavailableReason);
        }
        if (revision.state().global().lvsFlush() && !flushed) {
            // keepalived.conf(5) lvs_flush: flush the whole IPVS table once, at start-up.
            try {
                table.get().flush(); // through the reconciler, which then reads the table afresh
                flushed = true;
                log.accept("ipvs: flushed the kernel's IPVS table (lvs_flush)");
            } catch (NetlinkException e) {
                return ReconcileResult.failed(LvsTableReconciler.KERNEL_ERROR, e.getMessage());
            }
        }
        monitors.get().configure(lvs); // first: new real servers start UP, or DOWN under alpha
        LvsTableReconciler.Outcome applied = table.get().apply(lvs, revision.state().global().lvsTimeouts());
        revisionApplied = true;
        keepOwned();
        List<ReconcileError> errors = new ArrayList<>(applied.errors());
        errors.addAll(syncDaemon.get().configure(revision.state().global().lvsSyncDaemon()));
        LvsTableReconciler.Outcome outcome = new LvsTableReconciler.Outcome(applied.applied(), errors);
        if (outcome.errors().isEmpty()) {
            status = SubsystemStatus.active(NAME, describe(client.get()) + "; " + table.get().ownedCount()
                    + " services owned").withRevision(revision.number());
            return ReconcileResult.applied();
        }
        status = SubsystemStatus.degraded(NAME, outcome.errors().size() + " IPVS changes failed, first: "
                + outcome.errors().get(0).message()).withRevision(status.appliedRevision());
        return ReconcileResult.failed(outcome.errors());
    }

    @Override
    public SubsystemStatus status() {
        return status;
    }

    /** The kernel table's client, when this kernel has IPVS (for the views). */
    public Optional<IpvsClient> client() {
        return client;
    }

    /**
     * New verdicts (from {@link RealServerMonitors}, or a test's): re-plans the current configuration at
     * once; empty without IPVS.
     */
    Optional<LvsTableReconciler.Outcome> healthChanged(RealServerHealth health) {
        Optional<LvsTableReconciler.Outcome> outcome = table.map(t -> t.healthChanged(health));
        keepOwned();
        return outcome;
    }

    /** Where the table reconciler reports its phases' times (the benchmark's breakdown). */
    void phaseTimes(LvsTableReconciler.PhaseTimes times) {
        table.ifPresent(t -> t.phaseTimes(times));
    }

    /** One drift-repair pass now (the schedule's task); empty without IPVS. */
    Optional<LvsTableReconciler.Outcome> repairDrift() {
        if (!revisionApplied) {
            return Optional.empty(); // nothing to compare with yet
        }
        try {
            Optional<LvsTableReconciler.Outcome> outcome = table.map(LvsTableReconciler::repairDrift);
            keepOwned();
            outcome.ifPresent(o -> o.errors().forEach(e -> log.accept("ipvs: drift repair: " + e.message())));
            return outcome;
        } catch (RuntimeException e) {
            log.accept("ipvs: drift repair failed: " + e); // keep the schedule alive
            return Optional.empty();
        }
    }

    private static String describe(IpvsClient client) {
        try {
            IpvsInfo info = client.info();
            return "IP Virtual Server " + info.versionText() + " (connection table " + info.connectionTableSize() + ")";
        } catch (NetlinkException e) {
            return "IP Virtual Server present (info unavailable: " + e.getMessage() + ")";
        }
    }

    /** Opens the NETLINK_GENERIC connection the subsystem keeps. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws IOException;
    }
}
