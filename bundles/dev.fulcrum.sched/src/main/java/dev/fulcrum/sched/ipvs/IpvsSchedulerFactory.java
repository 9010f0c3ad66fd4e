package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Base of the IPVS algorithm factories: each subclass is one DS component named by its keepalived.conf(5)
 * {@code lb_algo} keyword, with the no-argument constructor DS (and the benchmark harness) calls.
 */
abstract class IpvsSchedulerFactory implements SchedulerFactory {

    private final String name;
    private final BiFunction<SchedulerSettings, List<ServerView>, Scheduler> creator;

    IpvsSchedulerFactory(String name, BiFunction<SchedulerSettings, List<ServerView>, Scheduler> creator) {
        this.name = name;
        this.creator = creator;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Family family() {
        return Family.IPVS;
    }

    @Override
    public final Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(servers, "servers");
        return creator.apply(settings, List.copyOf(servers));
    }

    @Override
    public String toString() {
        return "IPVS scheduler " + name;
    }
}
