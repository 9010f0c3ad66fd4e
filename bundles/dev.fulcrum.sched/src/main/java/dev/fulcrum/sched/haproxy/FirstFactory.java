package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance first": {@link FirstScheduler}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=first", "scheduler.family=HAPROXY"})
public final class FirstFactory extends HaproxyFactory {

    public FirstFactory() {
        super(Algorithm.FIRST);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return new FirstScheduler(servers);
    }
}
