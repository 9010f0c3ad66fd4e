package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.function.BiFunction;

/**
 * One algorithm under measurement.
 *
 * @param name   the configuration keyword (or {@code registry-rr} for the registry's fallback)
 * @param family IPVS, HAPROXY or FALLBACK
 * @param create makes a new instance over the servers
 */
public record Subject(String name, String family,
        BiFunction<SchedulerSettings, Collection<? extends ServerView>, Scheduler> create) {

    /** A new instance over the servers, with the settings the {@link Workload} gives this algorithm. */
    public Scheduler over(Collection<? extends ServerView> servers) {
        return create.apply(Workload.settings(this), servers);
    }
}
