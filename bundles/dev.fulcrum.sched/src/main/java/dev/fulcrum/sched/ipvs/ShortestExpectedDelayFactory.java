package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code sed}: {@link LeastLoad} in {@link LoadOrders#SHORTEST_EXPECTED_DELAY} order. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=sed", "scheduler.family=IPVS"})
public final class ShortestExpectedDelayFactory extends IpvsSchedulerFactory {

    public ShortestExpectedDelayFactory() {
        super("sed", (settings, servers) -> new LeastLoad(LoadOrders.SHORTEST_EXPECTED_DELAY, servers));
    }
}
