package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance random(draws)": {@link RandomScheduler}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=random", "scheduler.family=HAPROXY"})
public final class RandomFactory extends HaproxyFactory {

    public RandomFactory() {
        super(Algorithm.RANDOM);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return new RandomScheduler(balance.draws(), settings.random(), servers);
    }
}
