package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance roundrobin": {@link RoundRobinScheduler}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=roundrobin", "scheduler.family=HAPROXY"})
public final class RoundRobinFactory extends HaproxyFactory {

    public RoundRobinFactory() {
        super(Algorithm.ROUNDROBIN);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return roundRobin(settings, servers);
    }
}
