package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.proxy.stats.BackendCounters;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A backend as the data plane runs it: its current settings, its servers and the scheduler that
 * picks among them. A new revision updates it in place ({@link #update}): unchanged server lines
 * keep their instance and counters, removed servers drain (their connections finish, they get no new
 * ones), and the scheduler is told through its hooks.
 */
public final class BackendPool implements AutoCloseable {

    private final SchedulerRegistry registry;
    private final InstantSource clock;
    private final IdleConnections idle = new IdleConnections();
    private final BackendQueue queue = new BackendQueue(this);
    private final BackendCounters counters;
    private volatile Backend config;
    private volatile List<ProxyServer> servers;
    private volatile BalancedPool scheduler;

    private BackendPool(SchedulerRegistry registry, InstantSource clock, Backend config, List<ProxyServer> servers,
            BackendCounters counters) {
        this.registry = registry;
        this.counters = counters;
        this.clock = clock;
        this.config = config;
        this.servers = List.copyOf(servers);
        this.scheduler = openScheduler(config, this.servers);
    }

    /** @param addresses the resolved address of every server of {@code config}, by server name */
    public static BackendPool open(SchedulerRegistry registry, InstantSource clock, Backend config,
            Map<String, InetSocketAddress> addresses) {
        BackendCounters counters = new BackendCounters(clock);
        List<ProxyServer> servers = new ArrayList<>();
        for (Server server : config.servers()) {
            servers.add(new ProxyServer(server, addresses.get(server.name()), clock.instant(),
                    counters.server(server.name())));
        }
        return new BackendPool(registry, clock, config, servers, counters);
    }

    private BalancedPool openScheduler(Backend backend, List<ProxyServer> members) {
        SchedulerSettings settings = SchedulerSettings.defaults().withBalance(backend.balance()).withClock(clock);
        return registry.open(backend.name(), backend.balance().algorithm().keyword(), settings, members);
    }

    public Backend config() {
        return config;
    }

    /** The backend's {@code show stat} counters and its servers'. */
    public BackendCounters counters() {
        return counters;
    }

    /** Server connections kept open between HTTP requests. */
    public IdleConnections idle() {
        return idle;
    }

    /** Per-server maxconn and the requests waiting for a place. */
    public BackendQueue queue() {
        return queue;
    }

    public List<ProxyServer> servers() {
        return servers;
    }

    /** Whether the server still belongs to this backend (a removed one drains). */
    public boolean contains(ProxyServer server) {
        return servers.contains(server);
    }

    /**
     * A server for a new connection, preferring one other than {@code avoid} (the server that just
     * failed: configuration.txt 4.2 "option redispatch", "HAProxy tries to select another server
     * than the last one"); {@code avoid} itself when it is the only usable one.
     */
    public Optional<ProxyServer> pick(RequestContext request, Optional<ProxyServer> avoid) {
        BalancedPool current = scheduler;
        Optional<ServerView> first = current.pick(request);
        if (avoid.isEmpty() || first.isEmpty() || first.get() != avoid.get()) {
            return first.map(ProxyServer.class::cast);
        }
        // Round-robin style algorithms move on with each pick; stop after one pass over the pool.
        for (int i = 0; i < servers.size(); i++) {
            Optional<ServerView> next = current.pick(request);
            if (next.isPresent() && next.get() != avoid.get()) {
                return next.map(ProxyServer.class::cast);
            }
        }
        return first.map(ProxyServer.class::cast);
    }

    /** Counts a connection to the server (current sessions) for the least-connection algorithms. */
    public void connectionOpened(ProxyServer server) {
        server.connectionOpened();
        scheduler.connectionsChanged(server);
    }

    public void connectionClosed(ProxyServer server) {
        server.connectionClosed();
        scheduler.connectionsChanged(server);
    }

    /** Sets a server's state (runtime operations now, health checks later) and tells the scheduler. */
    public void setState(ProxyServer server, ServerState state) {
        server.state(state, clock.instant());
        scheduler.serverChanged(server);
        countUsable();
        // A server coming up takes queued requests at once, not only when another place frees.
        queue.dispatch(Optional.empty());
    }

    /** Tells the backend's counters whether it has a server to take traffic (its UP/DOWN history). */
    private void countUsable() {
        counters.usable(servers.stream().anyMatch(s -> s.state() == ServerState.UP));
    }

    /**
     * Applies a new revision of this backend. Called from the one reconcile thread; picks running
     * concurrently see either the old or the new server list.
     */
    public void update(Backend newConfig, Map<String, InetSocketAddress> addresses) {
        List<ProxyServer> kept = new ArrayList<>();
        List<ProxyServer> removed = new ArrayList<>(servers);
        for (Server line : newConfig.servers()) {
            InetSocketAddress address = addresses.get(line.name());
            Optional<ProxyServer> same = servers.stream().filter(s -> s.sameDefinition(line, address)).findFirst();
            ProxyServer server = same.orElseGet(() -> new ProxyServer(line, address, clock.instant(),
                    counters.server(line.name())));
            removed.remove(server);
            kept.add(server);
        }
        counters.retainServers(kept.stream().map(ProxyServer::id).collect(Collectors.toSet()));
        Backend old = config;
        config = newConfig;
        if (!old.balance().equals(newConfig.balance())) {
            BalancedPool previous = scheduler;
            servers = List.copyOf(kept);
            scheduler = openScheduler(newConfig, servers);
            previous.close();
        } else {
            List<ProxyServer> added = kept.stream().filter(s -> !servers.contains(s)).toList();
            servers = List.copyOf(kept);
            added.forEach(scheduler::serverAdded);
            removed.forEach(scheduler::serverRemoved);
        }
        // Existing connections to removed servers run to their end; nothing new goes there.
        removed.forEach(s -> s.state(ServerState.DRAIN, clock.instant()));
        removed.forEach(idle::closeAll);
        countUsable();
        queue.dispatch(Optional.empty());
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
