package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.TestRequest;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The IPVS factories as DS would find them, and shortcuts for tests. */
final class Algorithms {

    static final List<SchedulerFactory> ALL = List.of(new RoundRobinFactory(), new WeightedRoundRobinFactory(),
            new LeastConnectionFactory(), new WeightedLeastConnectionFactory(),
            new LocalityLeastConnectionFactory(), new ReplicatedLocalityFactory(), new DestinationHashingFactory(),
            new SourceHashingFactory(), new ShortestExpectedDelayFactory(), new NeverQueueFactory(),
            new MaglevHashingFactory(), new FailoverFactory(), new OverflowFactory(), new TwoChoicesFactory());

    private Algorithms() {
    }

    static SchedulerFactory named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no IPVS algorithm " + name));
    }

    /** A scheduler with default settings but a seeded random source. */
    static Scheduler create(String name, List<? extends ServerView> servers) {
        return named(name).create(SchedulerSettings.defaults().withRandom(new SplittableRandom(42)), servers);
    }

    /** The id picked for a request from 10.0.0.1, or "-" for none. */
    static String pickId(Scheduler scheduler) {
        return id(scheduler.pick(TestRequest.from("10.0.0.1")));
    }

    /** The ids of {@code count} successive picks, space-separated. */
    static String picks(Scheduler scheduler, int count) {
        return IntStream.range(0, count).mapToObj(i -> pickId(scheduler)).collect(Collectors.joining(" "));
    }

    static String id(Optional<ServerView> picked) {
        return picked.map(ServerView::id).orElse("-");
    }
}
