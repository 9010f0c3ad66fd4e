package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.proxy.stats.ServerCounters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configured server as the data plane runs it. It owns the server's live state, so that health
 * checks (later) and runtime operations change it in one place; the pool's scheduler is told
 * through {@link BackendPool} after each change.
 */
public final class ProxyServer implements ServerView {

    private final Server config;
    private final InetSocketAddress address;
    private final AtomicInteger active = new AtomicInteger();
    private final ServerCounters counters;
    private volatile ServerState state;
    private volatile Instant upSince;

    /**
     * @param address the resolved address; port 0 (no port on the server line) means "the port the
     *                client connected to" (configuration.txt 4.2 "server")
     * @param counters the server's {@code show stat} counters, kept by name across revisions
     */
    public ProxyServer(Server config, InetSocketAddress address, Instant now, ServerCounters counters) {
        this.config = config;
        this.counters = counters;
        this.address = address;
        // 5.2 "disabled": the server starts in maintenance.
        this.state = config.disabled() ? ServerState.MAINT : ServerState.UP;
        this.upSince = now;
    }

    public Server config() {
        return config;
    }

    /** Where to connect for a client that reached the proxy on {@code clientPort}. */
    public InetSocketAddress target(int clientPort) {
        return address.getPort() != 0 ? address : new InetSocketAddress(address.getAddress(), clientPort);
    }

    /** Same server line, so that a new revision keeps this instance and its counters. */
    public boolean sameDefinition(Server other, InetSocketAddress otherAddress) {
        return config.equals(other) && address.equals(otherAddress);
    }

    void state(ServerState newState, Instant now) {
        if (newState == ServerState.UP && state != ServerState.UP) {
            upSince = now;
        }
        state = newState;
        counters.stateChanged(newState);
    }

    public ServerCounters counters() {
        return counters;
    }

    void connectionOpened() {
        active.incrementAndGet();
    }

    void connectionClosed() {
        active.decrementAndGet();
    }

    @Override
    public String id() {
        return config.name();
    }

    @Override
    public int weight() {
        return config.weight();
    }

    @Override
    public ServerState state() {
        return state;
    }

    @Override
    public boolean backup() {
        return config.backup();
    }

    @Override
    public int activeConnections() {
        return active.get();
    }

    @Override
    public int inactiveConnections() {
        return 0;
    }

    @Override
    public int maxConnections() {
        return config.maxconn();
    }

    @Override
    public Duration slowStart() {
        return config.slowstart();
    }

    @Override
    public Instant upSince() {
        return upSince;
    }

    @Override
    public String toString() {
        return config.name() + "@" + address;
    }
}
