package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code nq}: {@link LeastLoad} in {@link LoadOrders#NEVER_QUEUE} order. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=nq", "scheduler.family=IPVS"})
public final class NeverQueueFactory extends IpvsSchedulerFactory {

    public NeverQueueFactory() {
        super("nq", (settings, servers) -> new LeastLoad(LoadOrders.NEVER_QUEUE, servers));
    }
}
