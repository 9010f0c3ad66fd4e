package dev.fulcrum.api.sched;

import java.util.Collection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An algorithm, published as a DS service with {@value #NAME_PROPERTY} = {@link #name()}. A bundle may
 * replace an algorithm at run time by registering a factory of the same name with a higher
 * {@code service.ranking}.
 */
@ConsumerType
public interface SchedulerFactory {

    /** Service property: the configuration keyword, e.g. {@code wlc} or {@code roundrobin}. */
    String NAME_PROPERTY = "scheduler.name";

    /** Service property: {@link Family#name()}. */
    String FAMILY_PROPERTY = "scheduler.family";

    enum Family {
        /** Linux IPVS schedulers, keepalived {@code lb_algo}. */
        IPVS,
        /** HAProxy {@code balance} algorithms. */
        HAPROXY
    }

    String name();

    Family family();

    /** A new, independent instance over the given servers (which the caller keeps updating). */
    Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers);
}
