package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance static-rr": {@link StaticMapScheduler} without a key. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=static-rr", "scheduler.family=HAPROXY"})
public final class StaticRoundRobinFactory extends HaproxyFactory {

    public StaticRoundRobinFactory() {
        super(Algorithm.STATIC_RR);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return new StaticMapScheduler(StaticMapScheduler.NO_KEY, servers);
    }
}
