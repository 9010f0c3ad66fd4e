package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance rdp-cookie(name)": {@link HaproxyFactory#hashing} over {@link RdpCookieKey}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=rdp-cookie", "scheduler.family=HAPROXY"})
public final class RdpCookieFactory extends HaproxyFactory {

    public RdpCookieFactory() {
        super(Algorithm.RDP_COOKIE);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return hashing(new RdpCookieKey(balance.name().orElseThrow()), settings, servers);
    }
}
