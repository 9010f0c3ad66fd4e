package dev.fulcrum.api.model.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VrrpModelTest {

    private static VrrpInstance instance(int vrid, int priority, int version) {
        return new VrrpInstance("VI_1", InitialState.MASTER, "eth0", vrid, priority, Duration.ofSeconds(1), version,
                Optional.empty(), List.of(), List.of(), false, Duration.ZERO, true, false, Optional.empty(),
                List.of(), Optional.empty(), List.of(), List.of(), false, NotifyScripts.NONE, false,
                GarpSettings.GLOBAL_DEFAULTS);
    }

    @Test
    void instanceRangesAreEnforced() {
        assertEquals(255, instance(255, 255, 3).virtualRouterId());
        assertEquals("virtualRouterId must be from 1 to 255, was 0",
                assertThrows(IllegalArgumentException.class, () -> instance(0, 100, 2)).getMessage());
        assertEquals("priority must be from 1 to 255, was 256",
                assertThrows(IllegalArgumentException.class, () -> instance(1, 256, 2)).getMessage());
        assertEquals("version must be 2 or 3: 4",
                assertThrows(IllegalArgumentException.class, () -> instance(1, 100, 4)).getMessage());
    }

    @Test
    void passwordIsOneToEightCharactersAndNeverPrinted() {
        assertEquals("passw123", new Authentication(Authentication.Type.PASS, "passw123").password());
        assertThrows(IllegalArgumentException.class, () -> new Authentication(Authentication.Type.PASS, "123456789"));
        assertThrows(IllegalArgumentException.class, () -> new Authentication(Authentication.Type.AH, ""));
        assertFalse(new Authentication(Authentication.Type.PASS, "secret").toString().contains("secret"));
    }

    @Test
    void listsAreCopiedAndImmutable() throws Exception {
        List<String> members = new ArrayList<>(List.of("A"));
        VrrpSyncGroup group = new VrrpSyncGroup("G", members, NotifyScripts.NONE, false, List.of(), List.of());
        members.add("B");
        assertEquals(List.of("A"), group.group());
        assertThrows(UnsupportedOperationException.class, () -> group.group().add("C"));
        assertThrows(IllegalArgumentException.class,
                () -> new VrrpSyncGroup("G", List.of(), NotifyScripts.NONE, false, List.of(), List.of()));
        assertEquals(32, VirtualAddress.of(InetAddress.getByName("10.0.0.1")).prefixLength());
        assertThrows(IllegalArgumentException.class, () -> new VirtualAddress(InetAddress.getByName("10.0.0.1"), 33,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void weightsAreMinus253To253() {
        assertThrows(IllegalArgumentException.class, () -> new TrackedScript("s", OptionalInt.of(254)));
        assertThrows(IllegalArgumentException.class, () -> new TrackedInterface("eth0", -254));
        assertThrows(IllegalArgumentException.class, () -> new VrrpScript("s", "true", Duration.ofSeconds(1),
                Optional.empty(), 300, false, 1, 1, Optional.empty(), false));
    }
}
