package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cycle of "balance roundrobin" and "static-rr": exact layouts and the one-turn bound on any pool. */
class SmoothCycleTest {

    @Test
    void weightsThreeTwoOneAlternateTheHeavierTwo() {
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 2}, SmoothCycle.layOut(new int[] {3, 2, 1}));
    }

    @Test
    void equalWeightsTakeTurnsInPoolOrder() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, SmoothCycle.layOut(new int[] {1, 1, 1, 1}));
    }

    @Test
    void aCommonDivisorShortensTheCycle() {
        assertArrayEquals(new int[] {0, 1, 2}, SmoothCycle.layOut(new int[] {2, 2, 2}));
        assertArrayEquals(SmoothCycle.layOut(new int[] {1, 1, 2}), SmoothCycle.layOut(new int[] {64, 64, 128}));
    }

    @Test
    void eachServerHoldsAsManySlotsAsItsWeight() {
        int[] weights = randomWeights(new SplittableRandom(Picking.SEED), 1000);
        int[] held = new int[weights.length];
        for (int server : SmoothCycle.layOut(weights)) {
            held[server]++;
        }
        assertArrayEquals(weights, held);
    }

    /**
     * Proportionate fairness: after any number t of picks, also across the end of the cycle, each server of
     * weight w out of W has had t x w / W turns give or take less than one (its class is within one turn of
     * its share and hands its turns round its members, which keeps each member within one too).
     */
    @Test
    void everyServerStaysWithinOneTurnOfItsShareAtEveryPick() {
        SplittableRandom random = new SplittableRandom(Picking.SEED);
        for (int pool = 0; pool < 60; pool++) {
            int[] weights = randomWeights(random, 1 + random.nextInt(pool < 30 ? 8 : 80));
            if (pool % 3 == 0) {
                Arrays.setAll(weights, i -> 1 + weights[i] % 4); // few distinct weights: classes of many
            }
            assertWithinOneTurn(weights);
        }
        assertWithinOneTurn(new int[] {256, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        assertWithinOneTurn(new int[] {1, 256, 255, 2, 128, 128, 3});
    }

    @Test
    void weightsOutsideHaproxysRangeAreRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> SmoothCycle.layOut(new int[] {1, 0}));
        assertEquals("weight must be between 1 and 256: 0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SmoothCycle.layOut(new int[] {257}));
    }

    @Test
    void noServersMakeAnEmptyCycle() {
        assertEquals(0, SmoothCycle.layOut(new int[0]).length);
    }

    private static void assertWithinOneTurn(int[] weights) {
        int[] cycle = SmoothCycle.layOut(weights);
        long total = cycle.length;
        long sum = Arrays.stream(weights).sum();
        long[] turns = new long[weights.length];
        for (int t = 1; t <= 2 * cycle.length; t++) {
            turns[cycle[(t - 1) % cycle.length]]++;
            for (int server = 0; server < weights.length; server++) {
                // exact, in 1/W turns; the cycle may be the weights' divided by a common divisor: sum / total
                long lagTimesTotal = turns[server] * total - (long) t * weights[server] * total / sum;
                int at = t;
                int s = server;
                assertTrue(Math.abs(lagTimesTotal) < total, () -> "server " + s + " of " + Arrays.toString(weights)
                        + " is " + lagTimesTotal + "/" + total + " turns off its share after " + at + " picks");
            }
        }
    }

    private static int[] randomWeights(SplittableRandom random, int servers) {
        return random.ints(servers, 1, 257).toArray();
    }
}
