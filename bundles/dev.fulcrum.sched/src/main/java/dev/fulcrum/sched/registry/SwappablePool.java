package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BalancedPool} whose algorithm can be replaced while other threads pick. The pool keeps its
 * own list of servers (from the hooks it forwards), so that a replacement algorithm is created over the
 * servers the pool has now, not the ones it was opened with.
 *
 * <p>Picks read one volatile field and never lock. Membership hooks and swaps are serialized on the
 * pool, so a new algorithm never misses a server added while it was being created.
 */
final class SwappablePool implements BalancedPool {

    /**
     * What runs now.
     *
     * @param factory the named algorithm's factory, or null on the round-robin fallback
     * @param problem why the fallback runs (null when the named algorithm runs)
     */
    private record Running(Scheduler scheduler, SchedulerFactory factory, String problem) {
    }

    private final String name;
    private final String algorithm;
    private final SchedulerSettings settings;
    private final Consumer<SwappablePool> onClose;
    private final Map<String, ServerView> servers = new LinkedHashMap<>();
    private volatile Running running;

    /** Opens the pool on the round-robin fallback; the registry then calls {@link #runOn}. */
    SwappablePool(String name, String algorithm, SchedulerSettings settings,
            Collection<? extends ServerView> initial, Consumer<SwappablePool> onClose) {
        this.name = name;
        this.algorithm = algorithm;
        this.settings = settings;
        this.onClose = onClose;
        initial.forEach(server -> servers.put(server.id(), server));
        this.running = new Running(new RoundRobinFallback(servers.values()), null, "not started");
    }

    /**
     * Runs the given factory's algorithm over the current servers, or the round-robin fallback when the
     * factory is empty or fails to create its scheduler.
     *
     * @param unavailable why the fallback runs when the factory is empty
     * @return the reason the pool falls back after the call, empty when the named algorithm runs
     */
    synchronized Optional<String> runOn(Optional<SchedulerFactory> factory, String unavailable) {
        List<ServerView> current = List.copyOf(servers.values());
        if (factory.isEmpty()) {
            running = new Running(new RoundRobinFallback(current), null, unavailable);
            return Optional.of(unavailable);
        }
        try {
            Scheduler scheduler = factory.get().create(settings, current);
            if (scheduler == null) {
                throw new IllegalStateException("the factory returned no scheduler");
            }
            running = new Running(scheduler, factory.get(), null);
            return Optional.empty();
        } catch (RuntimeException e) {
            String problem = "algorithm " + algorithm + " failed to start: " + e;
            running = new Running(new RoundRobinFallback(current), null, problem);
            return Optional.of(problem);
        }
    }

    /** The factory whose algorithm runs now, empty on the fallback. */
    Optional<SchedulerFactory> factory() {
        return Optional.ofNullable(running.factory());
    }

    /** Why the fallback runs, empty when the named algorithm runs. */
    Optional<String> problem() {
        return Optional.ofNullable(running.problem());
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        return running.scheduler().pick(request);
    }

    @Override
    public synchronized void serverAdded(ServerView server) {
        servers.put(server.id(), server);
        running.scheduler().serverAdded(server);
    }

    @Override
    public synchronized void serverRemoved(ServerView server) {
        servers.remove(server.id());
        running.scheduler().serverRemoved(server);
    }

    @Override
    public synchronized void serverChanged(ServerView server) {
        running.scheduler().serverChanged(server);
    }

    /**
     * Not serialized with swaps: it is the hot hook of the least-connection family, and a scheduler
     * created by a concurrent swap reads the counts after the change was made visible (the hook contract
     * of {@link Scheduler}), so a notice that reaches only the old scheduler is not lost.
     */
    @Override
    public void connectionsChanged(ServerView server) {
        running.scheduler().connectionsChanged(server);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public boolean fallingBack() {
        return running.factory() == null;
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "pool " + name + " (" + algorithm + (fallingBack() ? ", falling back to round robin)" : ")");
    }
}
