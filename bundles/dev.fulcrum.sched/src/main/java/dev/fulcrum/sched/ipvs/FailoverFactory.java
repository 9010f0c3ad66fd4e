package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code fo}: {@link Failover}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=fo", "scheduler.family=IPVS"})
public final class FailoverFactory extends IpvsSchedulerFactory {

    public FailoverFactory() {
        super("fo", (settings, servers) -> new Failover(servers));
    }
}
