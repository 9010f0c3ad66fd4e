package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test algorithm that round robin cannot be mistaken for: it always picks the usable server with the
 * lowest id. It remembers the servers each instance was created over.
 */
class LowestIdFactory implements SchedulerFactory {

    final List<List<String>> createdOver = new CopyOnWriteArrayList<>();
    private final String name;

    LowestIdFactory(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return Family.IPVS;
    }

    @Override
    public Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
        createdOver.add(servers.stream().map(ServerView::id).sorted().toList());
        return new Lowest(servers);
    }

    private static final class Lowest implements Scheduler {
        private final List<ServerView> servers;

        Lowest(Collection<? extends ServerView> servers) {
            this.servers = new CopyOnWriteArrayList<>(servers);
        }

        @Override
        public Optional<ServerView> pick(RequestContext request) {
            return servers.stream().filter(ServerView::usable).min(Comparator.comparing(ServerView::id));
        }

        @Override
        public void serverAdded(ServerView server) {
            servers.add(server);
        }

        @Override
        public void serverRemoved(ServerView server) {
            servers.removeIf(s -> s.id().equals(server.id()));
        }

        @Override
        public void serverChanged(ServerView server) {
        }
    }
}
