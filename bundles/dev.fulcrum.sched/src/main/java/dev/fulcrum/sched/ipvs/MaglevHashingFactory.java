package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code mh}: {@link MaglevHashing} ({@code mh-fallback} = flag-1, {@code mh-port} = flag-2). */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=mh", "scheduler.family=IPVS"})
public final class MaglevHashingFactory extends IpvsSchedulerFactory {

    public MaglevHashingFactory() {
        super("mh", (settings, servers) -> new MaglevHashing(settings.flags(), MaglevTable.DEFAULT_SIZE, servers));
    }
}
