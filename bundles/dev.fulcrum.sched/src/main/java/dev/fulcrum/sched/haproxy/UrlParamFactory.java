package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** configuration.txt 4.2 "balance url_param": {@link HaproxyFactory#hashing} over {@link UrlParamKey}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=url_param", "scheduler.family=HAPROXY"})
public final class UrlParamFactory extends HaproxyFactory {

    public UrlParamFactory() {
        super(Algorithm.URL_PARAM);
    }

    @Override
    Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers) {
        return hashing(new UrlParamKey(balance.name().orElseThrow(), balance.checkPost()), settings, servers);
    }
}
