package dev.fulcrum.sched.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedDrawTest {

    /** Every outcome enumerated: each server owns exactly weight x n of the n x total outcomes. */
    @Test
    void outcomesAreExactlyProportionalToWeights() {
        int[] weights = {1, 7, 3, 65535, 2, 2, 100};
        List<ServerView> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(TestServer.up("S" + i, weights[i]));
        }
        WeightedDraw draw = WeightedDraw.of(servers);
        Map<String, Long> owned = new HashMap<>();
        for (long outcome = 0; outcome < draw.outcomes(); outcome++) {
            owned.merge(draw.at(outcome).id(), 1L, Long::sum);
        }
        for (int i = 0; i < weights.length; i++) {
            assertEquals((long) weights[i] * weights.length, owned.get("S" + i), "S" + i);
        }
    }

    @Test
    void emptyHasNoOutcomes() {
        WeightedDraw draw = WeightedDraw.of(List.of());
        assertTrue(draw.isEmpty());
        assertEquals(0, draw.outcomes());
    }
}
