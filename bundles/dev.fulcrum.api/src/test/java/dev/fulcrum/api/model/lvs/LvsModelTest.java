package dev.fulcrum.api.model.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LvsModelTest {

    @Test
    void schedulerNamesAreTheIpvsNames() {
        assertEquals(Optional.of(Scheduler.TWOS), Scheduler.ofIpvsName("twos"));
        assertEquals(Optional.empty(), Scheduler.ofIpvsName("WLC"));
        assertEquals("wlc", Scheduler.DEFAULT.ipvsName());
    }

    @Test
    void realServerWeightIsIpvsRange() throws Exception {
        InetAddress address = InetAddress.getByName("192.168.0.1");
        assertEquals(65535, new RealServer(address, 80, 65535, Optional.empty(), false, Optional.empty(),
                Optional.empty(), 0, 0, List.of()).weight());
        assertEquals("weight must be from 0 to 65535, was 65536", assertThrows(IllegalArgumentException.class,
                () -> new RealServer(address, 80, 65536, Optional.empty(), false, Optional.empty(), Optional.empty(),
                        0, 0, List.of())).getMessage());
    }

    @Test
    void keysAndMembersValidate() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceKey.Fwmark(0));
        assertThrows(IllegalArgumentException.class, () -> new VirtualServerGroup.Fwmark(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new Url.StatusRange(300, 200));
        assertThrows(IllegalArgumentException.class,
                () -> new Url("/", Optional.of("XYZ"), List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new HealthChecker.HttpGet(false, CheckCommon.DEFAULTS,
                List.of(), Optional.empty(), Optional.empty(), false));
    }
}
