package dev.fulcrum.sched.ipvs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.sched.common.TestRequest;
import dev.fulcrum.sched.common.TestServer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keepalived {@code uthreshold} ({@link dev.fulcrum.api.sched.ServerView#maxConnections()}): every
 * algorithm skips a server from the moment its connections reach the threshold until they fall below
 * three quarters of it (IP_VS_DEST_F_OVERLOAD).
 */
class ThresholdTest {

    static Stream<String> algorithms() {
        return Algorithms.ALL.stream().map(f -> f.name());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void anOverloadedServerIsSkippedUntilItDrainsBelowThreeQuarters(String name) {
        // A is the favourite of every algorithm once back: the highest weight, the least loaded.
        TestServer a = TestServer.up("A", 3).maxConnections(8);
        TestServer b = TestServer.up("B", 1).connections(5, 0);
        TestServer c = TestServer.up("C", 1).connections(5, 0);
        SchedulerSettings settings = SchedulerSettings.defaults().withRandom(new SplittableRandom(8))
                .withFlags(new SchedulerFlags(true, false, false));
        Scheduler scheduler = Algorithms.named(name).create(settings, List.of(a, b, c));
        SplittableRandom random = new SplittableRandom(9);

        scheduler.connectionsChanged(a.connections(4, 4));
        assertTrue(picks(scheduler, random).noneMatch("A"::equals), name + " picked A at 8 of 8");
        scheduler.connectionsChanged(a.connections(2, 4));
        assertTrue(picks(scheduler, random).noneMatch("A"::equals), name + " picked A at 6 of 8");
        scheduler.connectionsChanged(a.connections(2, 3));
        assertTrue(picks(scheduler, random).anyMatch("A"::equals), name + " never picked A at 5 of 8");
    }

    private static Stream<String> picks(Scheduler scheduler, SplittableRandom random) {
        return Stream.generate(() -> Algorithms.id(scheduler.pick(TestRequest.random(random)))).limit(300);
    }
}
