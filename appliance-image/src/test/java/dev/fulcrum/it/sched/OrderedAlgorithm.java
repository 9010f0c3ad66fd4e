package dev.fulcrum.it.sched;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hot-deployed test algorithms: always the first (or the last) usable server in pool order, so that a
 * test can tell them from each other and from the registry's round-robin fallback with a handful of picks.
 */
public abstract class OrderedAlgorithm implements SchedulerFactory {

    /** The name both test algorithms register under. */
    public static final String NAME = "it-order";

    private final boolean lastFirst;

    protected OrderedAlgorithm(boolean lastFirst) {
        this.lastFirst = lastFirst;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Family family() {
        return Family.HAPROXY;
    }

    @Override
    public Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
        List<ServerView> inOrder = new CopyOnWriteArrayList<>(servers);
        return new Scheduler() {
            @Override
            public Optional<ServerView> pick(RequestContext request) {
                List<ServerView> now = List.copyOf(inOrder);
                for (int i = 0; i < now.size(); i++) {
                    ServerView server = now.get(lastFirst ? now.size() - 1 - i : i);
                    if (!server.backup() && server.usable()) {
                        return Optional.of(server);
                    }
                }
                return Optional.empty();
            }

            @Override
            public void serverAdded(ServerView server) {
                inOrder.add(server);
            }

            @Override
            public void serverRemoved(ServerView server) {
                inOrder.removeIf(existing -> existing.id().equals(server.id()));
            }

            @Override
            public void serverChanged(ServerView server) {
            }
        };
    }
}
