package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code ovf}: {@link LeastLoad} in {@link LoadOrders#OVERFLOW} order. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=ovf", "scheduler.family=IPVS"})
public final class OverflowFactory extends IpvsSchedulerFactory {

    public OverflowFactory() {
        super("ovf", (settings, servers) -> new LeastLoad(LoadOrders.OVERFLOW, LoadOrders.UNDER_WEIGHT, servers));
    }
}
