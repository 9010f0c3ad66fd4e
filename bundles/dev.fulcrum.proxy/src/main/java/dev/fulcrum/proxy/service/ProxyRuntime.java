package dev.fulcrum.proxy.service;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.proxy.health.ServerHealth;
import dev.fulcrum.proxy.log.FrontendLog;
import dev.fulcrum.proxy.log.LogTargets;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.net.Listeners;
import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.stats.ProxyStatistics;
import dev.fulcrum.proxy.tls.TlsConfigException;
import dev.fulcrum.proxy.tls.TlsTermination;
import dev.fulcrum.syslog.SyslogService;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running proxy: listeners, frontends and backend pools, brought to each revision's
 * {@link ProxyConfig} by {@link #apply}. Validate-then-swap: every address is resolved, every
 * frontend built and every new listener bound before anything running changes; a failure leaves the
 * previous revision running and is reported with typed errors. Calls come from one thread.
 */
public final class ProxyRuntime implements AutoCloseable {

    private final Transport transport;
    private final SchedulerRegistry registry;
    private final InstantSource clock;
    private final ServerConnector connector;
    private final FrontendFactory frontends;
    private final Listeners listeners;
    private final SslProvider tlsProvider;
    private final ServerHealth health = new ServerHealth();
    private final ProxyStatistics stats;
    private volatile Map<String, BackendPool> backends = Map.of();
    private final Map<String, ConnectionGate> gates = new HashMap<>();
    /** The global section's maxconn (configuration.txt 3.2): every frontend's connections count. */
    private ConnectionGate globalGate;
    /** The gates of the running revision, read from event loops for actconn. */
    private volatile List<ConnectionGate> liveGates = List.of();
    private final LogTargets logTargets;
    private Optional<ProxyConfig> applied = Optional.empty();

    public ProxyRuntime(Transport transport, SchedulerRegistry registry, InstantSource clock) {
        this(transport, registry, clock, TlsTermination.preferredProvider());
    }

    /** @param tlsProvider the TLS implementation of {@code bind ... ssl} listeners */
    public ProxyRuntime(Transport transport, SchedulerRegistry registry, InstantSource clock, SslProvider tlsProvider) {
        this.transport = transport;
        this.tlsProvider = tlsProvider;
        this.registry = registry;
        this.clock = clock;
        this.stats = new ProxyStatistics(clock);
        this.connector = new ServerConnector(transport);
        this.frontends = new FrontendFactory(name -> Optional.ofNullable(backends.get(name)), connector);
        this.listeners = new Listeners(transport);
        this.logTargets = new LogTargets(clock, ZoneId.systemDefault(), this::activeConnections);
    }

    /** {@code actconn} (configuration.txt 8.2.2): the client connections of every frontend. */
    public int activeConnections() {
        int active = 0;
        for (ConnectionGate gate : liveGates) {
            active += gate.inUse();
        }
        return active;
    }

    /**
     * Where traffic logs go: with a service, the running revision is applied again so that its
     * frontends log from now on; without one they stop logging.
     */
    public synchronized List<ReconcileError> syslogService(Optional<SyslogService> service) {
        logTargets.service(service);
        return applied.map(this::apply).orElse(List.of());
    }

    /** Forgets {@code service} only when it is the one in use. */
    public synchronized List<ReconcileError> syslogServiceGone(SyslogService service) {
        return logTargets.service().filter(current -> current == service).isPresent()
                ? syslogService(Optional.empty()) : List.of();
    }

    /** The TLS implementation of {@code bind ... ssl} listeners: OpenSSL (BoringSSL) when it loads. */
    public SslProvider tlsProvider() {
        return tlsProvider;
    }

    public Transport transport() {
        return transport;
    }

    /** The health checks' service, when there is one: without it every server stays UP. */
    public void healthService(Optional<HealthService> service) {
        health.service(service);
    }

    public void healthServiceGone(HealthService service) {
        health.serviceGone(service);
    }

    /** The counters of the running revision, as {@code show stat} rows. */
    public ProxyStatistics stats() {
        return stats;
    }

    public Optional<BackendPool> backend(String name) {
        return Optional.ofNullable(backends.get(name));
    }

    /** Applies a revision; empty when applied, otherwise why not (nothing running changed). */
    public synchronized List<ReconcileError> apply(ProxyConfig config) {
        List<ReconcileError> errors = new ArrayList<>();
        Map<String, Map<String, InetSocketAddress>> serverAddresses = resolveServers(config, errors);
        Map<InetSocketAddress, Bind> owners = resolveBinds(config, errors);
        Map<String, ConnectionGate> newGates = new HashMap<>();
        Map<Bind, ClientPipeline> built = new IdentityHashMap<>();
        int globalLimit = config.global().maxconn();
        Optional<ConnectionGate> global = Optional.of(globalGate != null && globalGate.limit() == globalLimit ? globalGate
                : new ConnectionGate(globalLimit));
        Map<String, FrontendLog> logs = logTargets.open(config, errors);
        for (Frontend frontend : config.frontends()) {
            int limit = frontend.maxconn() > 0 ? frontend.maxconn() : globalLimit;
            ConnectionGate previous = gates.get(frontend.name());
            ConnectionGate gate = previous != null && previous.limit() == limit && previous.parent().equals(global)
                    ? previous : new ConnectionGate(limit, global);
            newGates.put(frontend.name(), gate);
            try {
                ClientPipeline pipeline = frontends.build(frontend, gate, stats.frontend(frontend.name()),
                        logs.get(frontend.name()));
                for (Bind bind : frontend.binds()) {
                    built.put(bind, withTls(frontend, bind, pipeline, errors));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ReconcileError("proxy.frontend", "frontend '" + frontend.name() + "': " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            logTargets.retainOnly(applied);
            return errors;
        }
        try {
            listeners.bindMissing(owners.keySet());
        } catch (Listeners.BindException e) {
            logTargets.retainOnly(applied);
            return List.of(new ReconcileError("proxy.bind", e.getMessage()));
        }
        swapBackends(config, serverAddresses);
        Map<InetSocketAddress, ClientPipeline> wanted = new HashMap<>();
        owners.forEach((address, bind) -> wanted.put(address, built.get(bind)));
        listeners.commit(wanted);
        gates.clear();
        gates.putAll(newGates);
        globalGate = global.get();
        stats.running(config, backends);
        liveGates = List.copyOf(newGates.values());
        applied = Optional.of(config);
        logTargets.retainOnly(applied);
        return List.of();
    }

    /** The bind's pipeline: the frontend's own, behind TLS termination when the bind says {@code ssl}. */
    private ClientPipeline withTls(Frontend frontend, Bind bind, ClientPipeline pipeline,
            List<ReconcileError> errors) {
        if (bind.ssl().isEmpty()) {
            return pipeline;
        }
        try {
            return TlsTermination.of(bind.ssl().get(), frontend.mode(), pipeline,
                    frontend.timeouts().client().orElse(null), tlsProvider);
        } catch (TlsConfigException e) {
            errors.add(new ReconcileError("proxy.tls", "frontend '" + frontend.name() + "': " + e.getMessage()));
            return pipeline;
        }
    }

    private void swapBackends(ProxyConfig config, Map<String, Map<String, InetSocketAddress>> addresses) {
        Map<String, BackendPool> old = backends;
        Map<String, BackendPool> next = new HashMap<>();
        for (Backend backend : config.backends()) {
            BackendPool pool = old.get(backend.name());
            if (pool == null) {
                pool = BackendPool.open(registry, clock, backend, addresses.get(backend.name()));
            } else {
                pool.update(backend, addresses.get(backend.name()));
            }
            next.put(backend.name(), pool);
        }
        backends = Map.copyOf(next);
        health.follow(backends);
        // A removed backend's connections keep their channels; only its scheduler goes.
        old.forEach((name, pool) -> {
            if (!next.containsKey(name)) {
                pool.close();
            }
        });
    }

    private static Map<String, Map<String, InetSocketAddress>> resolveServers(ProxyConfig config,
            List<ReconcileError> errors) {
        Map<String, Map<String, InetSocketAddress>> result = new HashMap<>();
        for (Backend backend : config.backends()) {
            Map<String, InetSocketAddress> addresses = new HashMap<>();
            for (Server server : backend.servers()) {
                try {
                    addresses.put(server.name(), new InetSocketAddress(Addresses.host(server.host()), server.port()));
                } catch (UnknownHostException e) {
                    errors.add(new ReconcileError("proxy.server.address", "backend '" + backend.name() + "' server '"
                            + server.name() + "': cannot resolve '" + server.host() + "'"));
                }
            }
            result.put(backend.name(), addresses);
        }
        return result;
    }

    /** Each listening address and the bind line (of exactly one frontend) that asks for it. */
    private static Map<InetSocketAddress, Bind> resolveBinds(ProxyConfig config, List<ReconcileError> errors) {
        Map<InetSocketAddress, Frontend> owners = new HashMap<>();
        Map<InetSocketAddress, Bind> binds = new HashMap<>();
        for (Frontend frontend : config.frontends()) {
            for (Bind bind : frontend.binds()) {
                try {
                    for (InetSocketAddress address : Addresses.bind(bind)) {
                        Frontend other = owners.putIfAbsent(address, frontend);
                        binds.putIfAbsent(address, bind);
                        if (other != null) {
                            errors.add(new ReconcileError("proxy.bind.conflict", "frontends '" + other.name()
                                    + "' and '" + frontend.name() + "' both bind " + address));
                        }
                    }
                } catch (UnknownHostException e) {
                    errors.add(new ReconcileError("proxy.bind.address", "frontend '" + frontend.name()
                            + "': cannot resolve bind address '" + bind.address() + "'"));
                }
            }
        }
        return binds;
    }

    @Override
    public synchronized void close() {
        listeners.close();
        health.close();
        logTargets.close();
        backends.values().forEach(BackendPool::close);
        backends = Map.of();
    }
}
