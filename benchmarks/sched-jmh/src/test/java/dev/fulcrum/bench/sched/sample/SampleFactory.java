package dev.fulcrum.bench.sched.sample;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.registry.RoundRobinFallback;
import java.util.Collection;

/** What the catalog must find: public, concrete, with a public no-arg constructor. */
public class SampleFactory implements SchedulerFactory {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Family family() {
        return Family.IPVS;
    }

    @Override
    public Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
        return new RoundRobinFallback(servers);
    }

    /** Nested: skipped even though it is a factory. */
    public static class Nested extends SampleFactory {
    }
}
