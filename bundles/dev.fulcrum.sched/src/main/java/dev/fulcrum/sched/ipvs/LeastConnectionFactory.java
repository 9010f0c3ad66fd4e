package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code lc}: {@link LeastLoad} in {@link LoadOrders#LEAST_CONNECTION} order. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=lc", "scheduler.family=IPVS"})
public final class LeastConnectionFactory extends IpvsSchedulerFactory {

    public LeastConnectionFactory() {
        super("lc", (settings, servers) -> new LeastLoad(LoadOrders.LEAST_CONNECTION, servers));
    }
}
