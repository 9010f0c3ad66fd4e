package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code dh}: {@link DestinationHashing}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=dh", "scheduler.family=IPVS"})
public final class DestinationHashingFactory extends IpvsSchedulerFactory {

    public DestinationHashingFactory() {
        super("dh", (settings, servers) -> new DestinationHashing(servers));
    }
}
