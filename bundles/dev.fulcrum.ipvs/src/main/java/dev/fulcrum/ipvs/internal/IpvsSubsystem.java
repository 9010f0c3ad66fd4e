package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.os.KernelModules;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsInfo;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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
    /** How often the kernel table is compared with the configuration (someone may run ipvsadm). */
    static final long DRIFT_SECONDS = 10;

    private final Consumer<String> log;
    private final Optional<Connection> connection;
    private final Optional<IpvsClient> client;
    private final Optional<LvsTableReconciler> table;
    private final String unavailableReason;
    private final ScheduledExecutorService drift;
    private volatile SubsystemStatus status;
    private boolean flushed;

    @Activate
    public IpvsSubsystem(@Reference NetlinkConnector connector, @Reference KernelModules modules,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this(() -> openWithModule(connector, modules), logger::info, true);
        logger.info("ipvs: {} - {}", status.state(), status.reason());
    }

    /** Opens the connection through {@code opener}; {@code repairDrift} starts the periodic repair. */
    IpvsSubsystem(ConnectionOpener opener, Consumer<String> log, boolean repairDrift) {
        this.log = log;
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
        this.table = client.map(c -> new LvsTableReconciler(c, log));
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
        connection.ifPresent(Connection::close);
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
        LvsTableReconciler.Outcome outcome = table.get().apply(lvs, revision.state().global().lvsTimeouts());
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
     * The health checkers' new verdicts (dev.fulcrum.health will call this): re-plans the current
     * configuration at once; empty without IPVS.
     */
    Optional<LvsTableReconciler.Outcome> healthChanged(RealServerHealth health) {
        return table.map(t -> t.healthChanged(health));
    }

    /** One drift-repair pass now (the schedule's task); empty without IPVS. */
    Optional<LvsTableReconciler.Outcome> repairDrift() {
        try {
            Optional<LvsTableReconciler.Outcome> outcome = table.map(LvsTableReconciler::repairDrift);
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
