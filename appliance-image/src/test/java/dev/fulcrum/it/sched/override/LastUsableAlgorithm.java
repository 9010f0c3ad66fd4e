package dev.fulcrum.it.sched.override;

import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.it.sched.OrderedAlgorithm;
import org.osgi.service.component.annotations.Component;

/**
 * Another vendor's {@value OrderedAlgorithm#NAME}, ranked above the first one: while it is deployed the
 * pools of that name run it (the last usable server), without the first one's bundle going anywhere.
 */
@Component(service = SchedulerFactory.class, property = {SchedulerFactory.NAME_PROPERTY + "=" + OrderedAlgorithm.NAME,
        SchedulerFactory.FAMILY_PROPERTY + "=HAPROXY", "service.ranking:Integer=10"})
public class LastUsableAlgorithm extends OrderedAlgorithm {

    public LastUsableAlgorithm() {
        super(true);
    }
}
