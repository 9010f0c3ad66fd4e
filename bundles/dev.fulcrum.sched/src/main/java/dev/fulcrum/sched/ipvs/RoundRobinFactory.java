package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code rr}: {@link RoundRobin}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=rr", "scheduler.family=IPVS"})
public final class RoundRobinFactory extends IpvsSchedulerFactory {

    public RoundRobinFactory() {
        super("rr", (settings, servers) -> new RoundRobin(servers));
    }
}
