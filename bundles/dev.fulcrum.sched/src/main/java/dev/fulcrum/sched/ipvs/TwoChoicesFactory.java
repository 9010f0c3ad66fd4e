package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** IPVS {@code twos}: {@link TwoChoices}. */
@Component(service = SchedulerFactory.class, property = {"scheduler.name=twos", "scheduler.family=IPVS"})
public final class TwoChoicesFactory extends IpvsSchedulerFactory {

    public TwoChoicesFactory() {
        super("twos", (settings, servers) -> new TwoChoices(settings.random(), servers));
    }
}
