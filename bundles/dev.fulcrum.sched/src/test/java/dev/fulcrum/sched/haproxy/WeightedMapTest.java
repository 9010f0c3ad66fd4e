package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.sched.ServerState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The static map's lookup when the server of a slot went out of service before its hook arrived. */
class WeightedMapTest {

    @Test
    void anUnusableSlotGivesTheNextUsableOneWrappingRound() {
        TestServer a = TestServer.of("a");
        TestServer b = TestServer.of("b");
        TestServer c = TestServer.of("c");
        WeightedMap map = WeightedMap.of(List.of(member(a, 0), member(b, 1), member(c, 2)), Roster.Member::staticWeight);
        assertEquals(Optional.of(c), map.at(2));

        c.state(ServerState.DOWN);
        assertEquals(Optional.of(a), map.at(2), "past the last slot to the first");
        assertEquals(Optional.of(a), map.at(-1L), "an index read as unsigned: 2^64 - 1 is slot 0 of 3");

        a.state(ServerState.DOWN);
        b.state(ServerState.DOWN);
        assertEquals(Optional.empty(), map.at(0));
    }

    private static Roster.Member member(TestServer server, long order) {
        return new Roster.Member(server, order, server.weight());
    }
}
