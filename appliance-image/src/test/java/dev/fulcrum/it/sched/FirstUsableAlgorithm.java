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
import org.osgi.service.component.annotations.Component;

/**
 * The hot-deployed test algorithm: always the first usable server in pool order, so that a test can
 * tell it from the registry's round-robin fallback with a handful of picks.
 */
@Component(property = {SchedulerFactory.NAME_PROPERTY + "=" + FirstUsableAlgorithm.NAME,
        SchedulerFactory.FAMILY_PROPERTY + "=HAPROXY"})
public class FirstUsableAlgorithm implements SchedulerFactory {

    public static final String NAME = "it-first";

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
                return inOrder.stream().filter(server -> !server.backup() && server.usable()).findFirst();
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
