package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code wrr}: {@link WeightedRoundRobin}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=wrr", "scheduler.family=IPVS"})
public final class WeightedRoundRobinFactory extends IpvsSchedulerFactory {

    public WeightedRoundRobinFactory() {
        super("wrr", (settings, servers) -> new WeightedRoundRobin(servers));
    }
}
