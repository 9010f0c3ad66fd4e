package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance uri": {@link HaproxyFactory#hashing} over {@link UriKey}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=uri", "scheduler.family=HAPROXY"})
public final class UriFactory extends HaproxyFactory {

    public UriFactory() {
        super(Algorithm.URI);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return hashing(new UriKey(balance), settings, servers);
    }
}
