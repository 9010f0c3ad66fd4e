package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code sh}: {@link SourceHashing} ({@code sh-fallback} = flag-1, {@code sh-port} = flag-2). */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=sh", "scheduler.family=IPVS"})
public final class SourceHashingFactory extends IpvsSchedulerFactory {

    public SourceHashingFactory() {
        super("sh", (settings, servers) -> new SourceHashing(settings.flags(), servers));
    }
}
