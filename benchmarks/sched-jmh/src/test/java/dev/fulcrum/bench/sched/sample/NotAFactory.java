package dev.fulcrum.bench.sched.sample;

/** Not a SchedulerFactory: the catalog must skip it. */
public class NotAFactory {
}
