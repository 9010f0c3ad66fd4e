package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.testing.SystemTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The algorithms side by side with HAProxy 2.6 (Debian's haproxy package) on loopback: the same servers
 * and weights, the sequence or the remapping HAProxy produces against ours.
 */
@SystemTest
class HaproxyReferenceTest {

    /**
     * Both sequences are held to the bound a smooth weighted round robin can keep, proportionate fairness:
     * after any number t of picks, a server of weight w out of W has had t x w / W turns give or take one
     * (ours stays strictly inside, as SmoothCycle proves; HAProxy's fwrr reaches exactly one turn with
     * static-rr 3 2 1). The bound is exact rational arithmetic on the sequences, not a tolerance tuned to
     * a run, so it cannot flake: ours is deterministic, and HAProxy's only fails it if HAProxy itself
     * spreads worse than one turn. Runs of one server are compared as before, ours no longer than theirs.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"roundrobin, 5 1 1", "roundrobin, 3 2 1", "roundrobin, 1 1 1 1", "roundrobin, 7 3",
        "static-rr, 5 1 1", "static-rr, 3 2 1"})
    void roundRobinSpreadsAsEvenlyAsHaproxy(String algorithm, String weightList) throws Exception {
        int[] weights = Arrays.stream(weightList.split(" ")).mapToInt(Integer::parseInt).toArray();
        Map<String, String> options = new LinkedHashMap<>();
        List<TestServer> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            options.put("s" + i, "weight " + weights[i]);
            servers.add(new TestServer("s" + i, weights[i]));
        }
        int picks = 3 * Arrays.stream(weights).sum();
        List<String> theirs = new ArrayList<>();
        try (HaproxyReference haproxy = new HaproxyReference(List.of("balance " + algorithm), options)) {
            for (int i = 0; i < picks; i++) {
                theirs.add(haproxy.get("/"));
            }
        }
        SchedulerFactory factory = algorithm.equals("roundrobin") ? new RoundRobinFactory()
                : new StaticRoundRobinFactory();
        List<String> ours = List.of(Picking.sequence(factory.create(Picking.settings(), servers), picks).split(" "));
        System.out.printf("%s %s%n  haproxy: %s (%s turns off at most)%n  fulcrum: %s (%s)%n", algorithm, weightList,
                String.join(" ", theirs), deviation(theirs, weights), String.join(" ", ours), deviation(ours, weights));

        Fraction oneTurn = new Fraction(1, 1);
        assertTrue(deviation(ours, weights).compareTo(oneTurn) < 0, "ours: within one turn of each share");
        assertTrue(deviation(theirs, weights).compareTo(oneTurn) <= 0, "haproxy: within one turn of each share");
        for (TestServer server : servers) {
            assertEquals(3 * server.weight(), Collections.frequency(ours, server.id()), server.id() + ": 3 cycles");
            assertTrue(longestRun(ours, server.id()) <= longestRun(theirs, server.id()),
                    server.id() + " comes in longer runs than with HAProxy");
        }
    }

    @Test
    void consistentHashingMovesAboutAsFewKeysAsHaproxyAndMapBasedAsMany() throws Exception {
        List<String> paths = IntStream.range(0, 1000).mapToObj(i -> "/objects/" + i + ".png").toList();
        for (String hashType : List.of("map-based", "consistent")) {
            double theirs = movedByHaproxy(hashType, paths);
            double ours = movedByUs(hashType.equals("consistent"), paths);
            System.out.printf("balance uri, hash-type %s, 1 of 10 servers down: haproxy moved %.3f, fulcrum %.3f%n",
                    hashType, theirs, ours);

            assertTrue(Math.abs(theirs - ours) < 0.1, hashType + ": haproxy " + theirs + ", fulcrum " + ours);
        }
    }

    private static double movedByHaproxy(String hashType, List<String> paths) throws Exception {
        List<String> before = haproxyPicks(hashType, paths, false);
        List<String> after = haproxyPicks(hashType, paths, true);
        return moved(before, after);
    }

    /** Each path's server with ten servers of weight 1, the fourth one "disabled" (in maintenance) or not. */
    private static List<String> haproxyPicks(String hashType, List<String> paths, boolean fourthDown)
            throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            options.put("s" + i, "weight 1" + (fourthDown && i == 3 ? " disabled" : ""));
        }
        List<String> picks = new ArrayList<>();
        try (HaproxyReference haproxy = new HaproxyReference(List.of("balance uri", "hash-type " + hashType), options)) {
            for (String path : paths) {
                picks.add(haproxy.get(path));
            }
        }
        return picks;
    }

    private static double movedByUs(boolean consistent, List<String> paths) {
        List<TestServer> servers = IntStream.range(0, 10).mapToObj(i -> TestServer.of("s" + i)).toList();
        Scheduler uri = new UriFactory().create(Picking.settings(Balance.uri(OptionalInt.empty(), OptionalInt.empty(),
                false)).withConsistentHashing(consistent), servers);
        List<String> before = paths.stream().map(p -> Picking.id(uri, TestRequest.get(p))).toList();
        uri.serverChanged(servers.get(3).state(ServerState.MAINT));
        List<String> after = paths.stream().map(p -> Picking.id(uri, TestRequest.get(p))).toList();
        return moved(before, after);
    }

    private static double moved(List<String> before, List<String> after) {
        return IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i))).count()
                / (double) before.size();
    }

    /** A non-negative fraction p / q, compared exactly. */
    private record Fraction(long p, long q) implements Comparable<Fraction> {

        @Override
        public int compareTo(Fraction other) {
            return Long.compare(p * other.q, other.p * q);
        }

        @Override
        public String toString() {
            return p + "/" + q;
        }
    }

    /**
     * How far, in turns, any server of {@code weights} (ids s0, s1, ...) got from its share t x w / W over
     * the first t picks, for every t: the largest |count x W - t x w| / W.
     */
    private static Fraction deviation(List<String> picks, int[] weights) {
        long total = Arrays.stream(weights).sum();
        long[] counts = new long[weights.length];
        long worst = 0;
        for (int t = 1; t <= picks.size(); t++) {
            String id = picks.get(t - 1);
            int server = id.matches("s\\d+") ? Integer.parseInt(id.substring(1)) : -1;
            if (server < 0 || server >= weights.length) {
                throw new AssertionError("pick " + t + " went to no server of the pool: " + id);
            }
            counts[server]++;
            for (int i = 0; i < weights.length; i++) {
                worst = Math.max(worst, Math.abs(counts[i] * total - t * (long) weights[i]));
            }
        }
        return new Fraction(worst, total);
    }

    /** The most consecutive picks of the server, counting the sequence as a cycle. */
    private static int longestRun(List<String> picks, String id) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < 2 * picks.size(); i++) {
            run = picks.get(i % picks.size()).equals(id) ? run + 1 : 0;
            longest = Math.max(longest, Math.min(run, picks.size()));
        }
        return longest;
    }
}
