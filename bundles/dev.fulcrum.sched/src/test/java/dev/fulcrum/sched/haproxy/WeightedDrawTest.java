package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.ServerView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The alias table draws every server in proportion to its weight. */
class WeightedDrawTest {

    @Test
    void eachServerIsDrawnInProportionToItsWeight() {
        List<Roster.Member> members = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < 100; i++) {
            int weight = i % 10 == 0 ? 256 : 1 + i % 10;
            members.add(new Roster.Member(new TestServer("s" + i, weight), i, weight));
            total += weight;
        }
        WeightedDraw draw = WeightedDraw.of(members);
        SplittableRandom random = new SplittableRandom(Picking.SEED);
        int draws = 2_000_000;
        Map<ServerView, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            counts.merge(draw.draw(random), 1, Integer::sum);
        }

        for (Roster.Member member : members) {
            double p = member.view().weight() / (double) total;
            double expected = draws * p;
            double sigma = Math.sqrt(draws * p * (1 - p));
            int got = counts.getOrDefault(member.view(), 0);
            // 6 standard deviations: a construction error of one column would be far outside
            assertTrue(Math.abs(got - expected) < 6 * sigma, member.view() + " drawn " + got + " times, expected "
                    + Math.round(expected));
        }
    }
}
