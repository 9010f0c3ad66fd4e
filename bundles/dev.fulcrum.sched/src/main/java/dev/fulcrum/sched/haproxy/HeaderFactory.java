package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance hdr(name)": {@link HaproxyFactory#hashing} over {@link HeaderKey}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=hdr", "scheduler.family=HAPROXY"})
public final class HeaderFactory extends HaproxyFactory {

    public HeaderFactory() {
        super(Algorithm.HDR);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return hashing(new HeaderKey(balance.name().orElseThrow(), balance.useDomainOnly()), settings, servers);
    }
}
