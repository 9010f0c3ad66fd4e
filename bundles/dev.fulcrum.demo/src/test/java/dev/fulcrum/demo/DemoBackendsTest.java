package dev.fulcrum.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DemoBackendsTest {

    @Test
    void portsAreACommaSeparatedList() {
        assertArrayEquals(new int[] {8081, 8082}, DemoBackends.ports("8081, 8082"));
        assertArrayEquals(new int[] {9000}, DemoBackends.ports("9000"));
    }

    @Test
    void aBadPortIsNamed() {
        assertEquals("dev.fulcrum.demo: ports: 'x' is not a port (1-65535)",
                assertThrows(IllegalArgumentException.class, () -> DemoBackends.ports("8081,x")).getMessage());
        assertEquals("dev.fulcrum.demo: ports: '70000' is not a port (1-65535)",
                assertThrows(IllegalArgumentException.class, () -> DemoBackends.ports("70000")).getMessage());
    }
}
