package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code lblcr}: {@link ReplicatedLocality}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=lblcr", "scheduler.family=IPVS"})
public final class ReplicatedLocalityFactory extends IpvsSchedulerFactory {

    public ReplicatedLocalityFactory() {
        super("lblcr", (settings, servers) -> new ReplicatedLocality(settings.clock(), servers));
    }
}
