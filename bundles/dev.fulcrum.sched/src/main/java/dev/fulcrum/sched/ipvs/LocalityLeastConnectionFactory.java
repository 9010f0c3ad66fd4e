package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code lblc}: {@link LocalityLeastConnection}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=lblc", "scheduler.family=IPVS"})
public final class LocalityLeastConnectionFactory extends IpvsSchedulerFactory {

    public LocalityLeastConnectionFactory() {
        super("lblc", (settings, servers) -> new LocalityLeastConnection(settings.clock(), servers));
    }
}
