package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hashing algorithms: stickiness, shares proportional to weight, map-based against consistent. */
class HashDistributionTest {

    private static final int KEYS = 60_000;

    private static Scheduler create(KeyedRequests algorithm, boolean consistent, List<TestServer> servers) {
        SchedulerSettings settings = algorithm.balance == null ? Picking.settings()
                : Picking.settings(algorithm.balance);
        return algorithm.factory.create(settings.withConsistentHashing(consistent), servers);
    }

    private static List<TestServer> weighted() {
        return List.of(new TestServer("w1", 1), new TestServer("w2", 2), new TestServer("w3", 3));
    }

    @ParameterizedTest
    @EnumSource(KeyedRequests.class)
    void mapBasedSharesFollowTheWeightsClosely(KeyedRequests algorithm) {
        Map<String, Integer> counts = Picking.counts(create(algorithm, false, weighted()),
                algorithm.requests(KEYS, Picking.SEED));

        // slot = hash mod 6 over 60,000 keys: each share is within 0.01 (about 5 standard deviations)
        assertShares(algorithm + " map-based", counts, 0.01);
    }

    @ParameterizedTest
    @EnumSource(KeyedRequests.class)
    void consistentSharesFollowTheWeightsRoughly(KeyedRequests algorithm) {
        Map<String, Integer> counts = Picking.counts(create(algorithm, true, weighted()),
                algorithm.requests(KEYS, Picking.SEED));

        // 96 points in all: a share's spread is about 0.04 (sqrt(16) of 96 for w1), so 2 of those; the
        // arcs are uneven by design ("the distribution will never be very smooth")
        assertShares(algorithm + " consistent", counts, 0.08);
    }

    @ParameterizedTest
    @EnumSource(KeyedRequests.class)
    void theSameKeyGoesToTheSameServer(KeyedRequests algorithm) {
        for (boolean consistent : new boolean[] {false, true}) {
            Scheduler scheduler = create(algorithm, consistent, weighted());
            for (RequestContext request : algorithm.requests(200, 7)) {
                String first = Picking.id(scheduler, request);
                for (int again = 0; again < 3; again++) {
                    assertEquals(first, Picking.id(scheduler, request));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyedRequests.class, names = "SOURCE", mode = EnumSource.Mode.EXCLUDE)
    void withoutAKeyTheyGoRoundRobinByWeight(KeyedRequests algorithm) {
        Scheduler scheduler = create(algorithm, true, weighted());

        // the smooth cycle of 1:2:3 (SmoothCycle): each server within one turn of its share at every pick
        assertEquals("w3 w2 w3 w1 w2 w3", Picking.sequence(scheduler, 6), "configuration.txt: round robin applies");
        assertEquals(Map.of("w1", 100, "w2", 200, "w3", 300), Picking.counts(scheduler, Picking.keyless(600)));
    }

    @ParameterizedTest
    @EnumSource(value = KeyedRequests.class, names = "SOURCE", mode = EnumSource.Mode.EXCLUDE)
    void mapBasedWithoutAKeyWalksTheStaticMapAsStaticRrDoes(KeyedRequests algorithm) {
        List<TestServer> servers = weighted();
        Scheduler scheduler = create(algorithm, false, servers);
        Scheduler staticRr = new StaticRoundRobinFactory().create(Picking.settings(), weighted());

        // HAProxy falls back to "round robin on the map" (map_get_server_rr): static, weights as added
        scheduler.serverChanged(servers.get(0).weight(50));

        assertEquals(Picking.sequence(staticRr, 60), Picking.sequence(scheduler, 60));
    }

    @ParameterizedTest
    @EnumSource(KeyedRequests.class)
    void consistentHashingMovesOnlyTheKeysOfTheServerThatWentDown(KeyedRequests algorithm) {
        Moved moved = removeOneOfTen(algorithm, true);

        assertEquals(0, moved.othersMoved, "keys of the remaining servers stay where they were");
        assertEquals(moved.ofRemoved, moved.total, "the removed server's keys all moved");
        // its share is about 1/10; allow 50 % for the unevenness of the arcs
        assertTrue(moved.total <= KEYS * 0.15, moved.total + " of " + KEYS + " keys moved");
    }

    @ParameterizedTest
    @EnumSource(KeyedRequests.class)
    void mapBasedHashingMovesMostKeys(KeyedRequests algorithm) {
        Moved moved = removeOneOfTen(algorithm, false);

        // hash mod 10 becomes hash mod 9: only about 1 key in 10 keeps its server (the documented drawback)
        assertTrue(moved.total >= KEYS * 0.7, moved.total + " of " + KEYS + " keys moved");
    }

    @ParameterizedTest
    @EnumSource(value = KeyedRequests.class, names = {"SOURCE", "URI"})
    void consistentHashingFollowsWeightChangesAndMapBasedKeepsTheFirstWeights(KeyedRequests algorithm) {
        for (boolean consistent : new boolean[] {false, true}) {
            TestServer a = TestServer.of("a");
            Scheduler scheduler = create(algorithm, consistent, List.of(a, TestServer.of("b")));

            scheduler.serverChanged(a.weight(3));

            double share = Picking.counts(scheduler, algorithm.requests(KEYS, Picking.SEED)).get("a") / (double) KEYS;
            // "hash-type": map-based ignores weight changes while a server is up, consistent is dynamic
            double expected = consistent ? 0.75 : 0.5;
            assertTrue(Math.abs(share - expected) < 0.08, algorithm + (consistent ? " consistent " : " map-based ")
                    + share);
        }
    }

    private record Moved(int total, int ofRemoved, int othersMoved) {
    }

    private static Moved removeOneOfTen(KeyedRequests algorithm, boolean consistent) {
        List<TestServer> servers = IntStream.range(0, 10).mapToObj(i -> TestServer.of("s" + i)).toList();
        Scheduler scheduler = create(algorithm, consistent, servers);
        List<RequestContext> requests = algorithm.requests(KEYS, Picking.SEED);
        List<String> before = requests.stream().map(r -> Picking.id(scheduler, r)).toList();

        scheduler.serverChanged(servers.get(3).state(ServerState.DOWN));

        int total = 0;
        int ofRemoved = 0;
        int othersMoved = 0;
        for (int i = 0; i < requests.size(); i++) {
            String after = Picking.id(scheduler, requests.get(i));
            if (!after.equals(before.get(i))) {
                total++;
                if (before.get(i).equals("s3")) {
                    ofRemoved++;
                } else {
                    othersMoved++;
                }
            }
        }
        System.out.printf("%s %s: %d of %d keys moved after removing 1 of 10 servers%n", algorithm,
                consistent ? "consistent" : "map-based", total, KEYS);
        return new Moved(total, ofRemoved, othersMoved);
    }

    private static void assertShares(String what, Map<String, Integer> counts, double tolerance) {
        System.out.println(what + " counts for weights 1:2:3: " + counts);
        assertEquals(List.of("w1", "w2", "w3"), List.copyOf(counts.keySet()), "every server and nothing else");
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (int weight = 1; weight <= 3; weight++) {
            double share = counts.get("w" + weight) / (double) total;
            double expected = weight / 6.0;
            assertTrue(Math.abs(share - expected) <= tolerance,
                    "w" + weight + " got " + share + ", expected " + expected + " +- " + tolerance);
        }
    }
}
