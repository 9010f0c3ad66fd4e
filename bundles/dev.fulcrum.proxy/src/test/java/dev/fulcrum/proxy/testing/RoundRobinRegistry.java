package dev.fulcrum.proxy.testing;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of the scheduling registry: every pool runs plain round robin over the usable
 * servers, backups only when no active server is usable (the SPI's common rules).
 */
public final class RoundRobinRegistry implements SchedulerRegistry {

    private final boolean bySourcePort;

    public RoundRobinRegistry() {
        this(false);
    }

    private RoundRobinRegistry(boolean bySourcePort) {
        this.bySourcePort = bySourcePort;
    }

    /** Like a hashing algorithm: the usable server at the request's source port modulo their count, every time. */
    public static RoundRobinRegistry hashingBySourcePort() {
        return new RoundRobinRegistry(true);
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(List.of("roundrobin"));
    }

    @Override
    public Optional<SchedulerFactory> find(String name) {
        return Optional.empty();
    }

    @Override
    public BalancedPool open(String poolName, String algorithm, SchedulerSettings settings,
            Collection<? extends ServerView> servers) {
        return new Pool(poolName, algorithm, servers, bySourcePort);
    }

    private static final class Pool implements BalancedPool {
        private final String name;
        private final String algorithm;
        private final List<ServerView> servers;
        private final boolean bySourcePort;
        private int next;

        Pool(String name, String algorithm, Collection<? extends ServerView> servers, boolean bySourcePort) {
            this.name = name;
            this.algorithm = algorithm;
            this.servers = new CopyOnWriteArrayList<>(servers);
            this.bySourcePort = bySourcePort;
        }

        @Override
        public synchronized Optional<ServerView> pick(RequestContext request) {
            for (boolean backup : new boolean[] {false, true}) {
                List<ServerView> usable = servers.stream().filter(s -> s.usable() && s.backup() == backup).toList();
                if (!usable.isEmpty()) {
                    int index = bySourcePort ? request.sourcePort() : next++;
                    return Optional.of(usable.get(index % usable.size()));
                }
            }
            return Optional.empty();
        }

        @Override
        public void serverAdded(ServerView server) {
            servers.add(server);
        }

        @Override
        public void serverRemoved(ServerView server) {
            servers.remove(server);
        }

        @Override
        public void serverChanged(ServerView server) {
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
            return false;
        }

        @Override
        public void close() {
        }
    }
}
