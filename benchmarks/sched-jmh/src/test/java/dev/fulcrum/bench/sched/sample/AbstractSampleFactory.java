package dev.fulcrum.bench.sched.sample;

/** Abstract: the catalog must skip it. */
public abstract class AbstractSampleFactory extends SampleFactory {
}
