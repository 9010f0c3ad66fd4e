package dev.fulcrum.sched.ipvs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.TestRequest;
import dev.fulcrum.sched.common.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of {@link Scheduler} for every algorithm, over 3,000 random changes (seeded): each pick is
 * usable, a backup only while no normal server is usable, and an algorithm that can always place a
 * connection does so whenever a server is usable.
 */
class CommonRulesTest {

    /** Those that may answer "none" with a usable server about: dh (no fallback), ovf (all full). */
    private static final Set<String> MAY_REFUSE = Set.of("dh", "ovf");

    static Stream<String> algorithms() {
        return Algorithms.ALL.stream().map(f -> f.name());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void everyPickFollowsTheCommonRules(String name) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        List<TestServer> servers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            servers.add(TestServer.up("S" + i, 1 + i % 3).backup(i >= 4));
        }
        // sh-fallback / mh-fallback on, so that hashing finds a usable server whenever there is one.
        SchedulerSettings settings = SchedulerSettings.defaults().withRandom(new SplittableRandom(1))
                .withFlags(new SchedulerFlags(true, false, false));
        Scheduler scheduler = Algorithms.named(name).create(settings, servers);
        ServerState[] states = ServerState.values();
        for (int step = 0; step < 3_000; step++) {
            TestServer server = servers.get(random.nextInt(servers.size()));
            switch (random.nextInt(3)) {
                case 0 -> scheduler.serverChanged(server.weight(random.nextInt(4)));
                case 1 -> scheduler.serverChanged(server.state(states[random.nextInt(states.length)]));
                default -> scheduler.connectionsChanged(server.connections(random.nextInt(6), random.nextInt(20)));
            }
            TestRequest request = TestRequest.random(random);
            Optional<ServerView> picked = scheduler.pick(request);
            boolean normalUsable = servers.stream().anyMatch(s -> !s.backup() && s.usable());
            boolean anyUsable = servers.stream().anyMatch(ServerView::usable);
            if (picked.isPresent()) {
                ServerView chosen = picked.get();
                assertTrue(chosen.usable(), () -> name + " picked " + chosen + " among " + servers);
                assertTrue(!chosen.backup() || !normalUsable, () -> name + " picked backup " + chosen + " among "
                        + servers);
            } else if (anyUsable && !MAY_REFUSE.contains(name)) {
                fail(name + " found no server at step " + step + " among " + servers);
            }
        }
    }
}
