package dev.fulcrum.it.sched;

import dev.fulcrum.api.sched.SchedulerFactory;
import org.osgi.service.component.annotations.Component;

/** The test algorithm {@value OrderedAlgorithm#NAME} as first deployed: the first usable server. */
@Component(service = SchedulerFactory.class, property = {SchedulerFactory.NAME_PROPERTY + "=" + OrderedAlgorithm.NAME,
        SchedulerFactory.FAMILY_PROPERTY + "=HAPROXY"})
public class FirstUsableAlgorithm extends OrderedAlgorithm {

    public FirstUsableAlgorithm() {
        super(false);
    }
}
