package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code wlc}: {@link LeastLoad} in {@link LoadOrders#WEIGHTED_LEAST_CONNECTION} order. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=wlc", "scheduler.family=IPVS"})
public final class WeightedLeastConnectionFactory extends IpvsSchedulerFactory {

    public WeightedLeastConnectionFactory() {
        super("wlc", (settings, servers) -> new LeastLoad(LoadOrders.WEIGHTED_LEAST_CONNECTION, servers));
    }
}
