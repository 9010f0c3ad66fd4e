package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code vrrp} subsystem: each revision's {@link VrrpConfig} becomes running instances in the
 * appliance's own network namespace. An instance that cannot run (no CAP_NET_RAW, no interface)
 * makes the subsystem INACTIVE or DEGRADED with the reason; the other instances keep running.
 */
@Component(service = {Reconciler.class, Subsystem.class}, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + VrrpStatus.NAME)
public final class VrrpSubsystem implements Reconciler, Subsystem {

    private final VrrpEngine engine;
    private volatile Applied applied;
    /** Fulcrum's other subsystems by name, for track_subsystem; initialised before the engine reads it. */
    private final Map<String, Subsystem> subsystems = new ConcurrentHashMap<>();

    /** What the last revision asked for and which instances could not start. */
    private record Applied(long revision, int configured, List<String> problems) {
    }

    @Activate
    public VrrpSubsystem(@Reference NetlinkConnector connector, @Reference ProcessRunner runner,
            @Reference VrrpStatesBoard states) {
        this.engine = new VrrpEngine(connector, Namespace.current(), InstantSource.system(), runner, states,
                this::subsystemStatus);
    }

    VrrpSubsystem(NetlinkConnector connector, ProcessRunner runner) {
        this(connector, runner, new VrrpStatesBoard());
    }

    /** The status of the other subsystem called {@code name}; empty when none of that name is bound. */
    Optional<SubsystemStatus> subsystemStatus(String name) {
        return Optional.ofNullable(subsystems.get(name)).map(Subsystem::status);
    }

    /** Every other subsystem, as it comes and goes (a hot-deployed proxy bundle replaces the old one). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + Subsystem.NAME_PROPERTY + "=" + VrrpStatus.NAME + "))")
    void addSubsystem(Subsystem subsystem, Map<String, Object> properties) {
        if (properties.get(Subsystem.NAME_PROPERTY) instanceof String name) {
            subsystems.put(name, subsystem);
        }
    }

    void removeSubsystem(Subsystem subsystem, Map<String, Object> properties) {
        if (properties.get(Subsystem.NAME_PROPERTY) instanceof String name) {
            subsystems.remove(name, subsystem);
        }
    }

    @Override
    public String name() {
        return VrrpStatus.NAME;
    }

    @Override
    public ReconcileResult reconcile(Revision revision) {
        VrrpConfig config = revision.state().vrrp();
        List<String> problems;
        engine.configureAlerts(revision.state().global());
        try {
            problems = engine.apply(config, revision.state().global().vrrp());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReconcileResult.failed("vrrp.interrupted", "interrupted while applying revision " + revision.number());
        }
        applied = new Applied(revision.number(), config.instances().size(), problems);
        // An instance that cannot run here is the machine's state, not a bad revision: the status says it.
        return ReconcileResult.applied();
    }

    @Override
    public SubsystemStatus status() {
        Applied last = applied;
        if (last == null) {
            return SubsystemStatus.active(VrrpStatus.NAME, "no revision applied yet");
        }
        // The states move without revisions: read them now, with the problems found when applying.
        return VrrpStatus.of(last.configured(), engine.states(), last.problems()).withRevision(last.revision());
    }

    /** Every instance resigns with priority 0 when the bundle stops (keepalived on SIGTERM). */
    @Deactivate
    void deactivate() {
        engine.close();
    }
}
