package dev.fulcrum.sched.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OverloadFlagsTest {

    @Test
    void setAtTheThresholdAndClearedBelowThreeQuarters() {
        OverloadFlags flags = new OverloadFlags();
        TestServer server = TestServer.up("A", 1).maxConnections(8);
        flags.update(server.connections(5, 2));
        assertFalse(flags.test(server), "7 of 8");
        flags.update(server.connections(6, 2));
        assertTrue(flags.test(server), "8 of 8: overloaded");
        flags.update(server.connections(4, 2));
        assertTrue(flags.test(server), "6 of 8 is not below 3/4: still overloaded");
        flags.update(server.connections(3, 2));
        assertFalse(flags.test(server), "5 of 8: cleared");
        flags.update(server.connections(4, 2));
        assertFalse(flags.test(server), "6 of 8 coming up: not overloaded");
    }

    @Test
    void noThresholdNeverOverloadsAndRemovalForgets() {
        OverloadFlags flags = new OverloadFlags();
        TestServer server = TestServer.up("A", 1).connections(1_000_000, 0);
        flags.update(server);
        assertFalse(flags.test(server));
        flags.update(server.maxConnections(10));
        assertTrue(flags.test(server));
        flags.remove(server);
        assertFalse(flags.test(server));
    }
}
