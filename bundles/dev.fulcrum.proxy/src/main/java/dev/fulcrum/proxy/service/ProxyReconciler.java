package dev.fulcrum.proxy.service;

import dev.fulcrum.api.proxy.ProxyStats;
import dev.fulcrum.api.proxy.StatRow;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.syslog.SyslogService;
import io.netty.handler.ssl.SslProvider;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The "proxy" subsystem: runs the haproxy.cfg part of each revision. Immediate, so the listeners
 * come up as soon as the configuration service hands over the current revision.
 */
@Component(service = {Reconciler.class, Subsystem.class, ProxyStats.class}, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + ProxyReconciler.NAME)
public final class ProxyReconciler implements Reconciler, Subsystem, ProxyStats {

    static final String NAME = "proxy";

    private final ProxyRuntime runtime;
    private volatile SubsystemStatus status;

    @Activate
    public ProxyReconciler(@Reference SchedulerRegistry registry) {
        Transport transport = Transport.perCore();
        this.runtime = new ProxyRuntime(transport, registry, InstantSource.system());
        this.status = SubsystemStatus.active(NAME, "no revision applied yet (" + transport.name() + " transport)");
    }

    /** Optional and dynamic: the proxy runs without health checks, and picks them up when they come. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindHealthService(HealthService service) {
        runtime.healthService(Optional.of(service));
    }

    void unbindHealthService(HealthService service) {
        runtime.healthServiceGone(service);
    }

    /**
     * Optional and dynamic: without a syslog service the proxy runs and logs nothing; when one comes
     * (or goes) the running revision is applied again with (or without) its log targets.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindSyslogService(SyslogService service) {
        reportLogErrors(runtime.syslogService(Optional.of(service)));
    }

    void unbindSyslogService(SyslogService service) {
        reportLogErrors(runtime.syslogServiceGone(service));
    }

    private void reportLogErrors(List<ReconcileError> errors) {
        if (!errors.isEmpty()) {
            status = SubsystemStatus.degraded(NAME, "log targets not applied: " + errors.get(0).message())
                    .withRevision(status.appliedRevision());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReconcileResult reconcile(Revision revision) {
        List<ReconcileError> errors = runtime.apply(revision.state().proxy());
        if (errors.isEmpty()) {
            int frontends = revision.state().proxy().frontends().size();
            // Which TLS implementation terminates "bind ... ssl" is shown too: OpenSSL only when
            // netty-tcnative's native library loaded, else the JDK's (much slower handshakes).
            String tls = runtime.tlsProvider() == SslProvider.OPENSSL ? "OpenSSL" : "the JDK";
            status = SubsystemStatus.active(NAME, frontends + " frontend(s) on the " + runtime.transport().name()
                    + " transport, TLS through " + tls).withRevision(revision.number());
            return ReconcileResult.applied();
        }
        // The previous revision keeps running: the subsystem is degraded, not down.
        status = SubsystemStatus.degraded(NAME, "revision " + revision.number() + " not applied: "
                + errors.get(0).message()).withRevision(status.appliedRevision());
        return ReconcileResult.failed(errors);
    }

    @Override
    public SubsystemStatus status() {
        return status;
    }

    @Override
    public List<StatRow> rows() {
        return runtime.stats().rows();
    }

    @Deactivate
    void deactivate() {
        runtime.close();
        runtime.transport().close();
    }
}
