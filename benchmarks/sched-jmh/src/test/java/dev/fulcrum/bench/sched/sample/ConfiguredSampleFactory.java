package dev.fulcrum.bench.sched.sample;

/** No no-arg constructor (it would need DS to give it something): the catalog must skip it. */
public class ConfiguredSampleFactory extends SampleFactory {

    public ConfiguredSampleFactory(String setting) {
        setting.length();
    }
}
