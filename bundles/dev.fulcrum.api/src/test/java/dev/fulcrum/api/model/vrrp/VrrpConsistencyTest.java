package dev.fulcrum.api.model.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the keepalived.conf reader checks across blocks holds for every VrrpConfig (e.g. from JSON). */
class VrrpConsistencyTest {

    private static final VrrpScript CHECK = new VrrpScript("chk", "true", Duration.ofSeconds(1), Optional.empty(), 0,
            false, 1, 1, Optional.empty(), false);

    private static VrrpInstance instance(String name, String iface, int vrid, List<VirtualAddress> vips,
            List<TrackedScript> scripts) {
        return new VrrpInstance(name, InitialState.BACKUP, iface, vrid, 100, Duration.ofSeconds(1), 3,
                Optional.empty(), vips, List.of(), false, Duration.ZERO, true, false, Optional.empty(),
                List.of(), Optional.empty(), List.of(), scripts, false, NotifyScripts.NONE, false,
                GarpSettings.GLOBAL_DEFAULTS);
    }

    private static VrrpInstance instance(String name, String iface, int vrid) {
        return instance(name, iface, vrid, List.of(), List.of());
    }

    private static VrrpSyncGroup group(String name, String... members) {
        return new VrrpSyncGroup(name, List.of(members), NotifyScripts.NONE, false, List.of(), List.of());
    }

    private static String rejected(List<VrrpScript> scripts, List<VrrpInstance> instances, List<VrrpSyncGroup> groups) {
        return assertThrows(IllegalArgumentException.class, () -> new VrrpConfig(scripts, instances, groups))
                .getMessage();
    }

    @Test
    void aVridIsUniquePerInterfaceAndFamily() throws Exception {
        VirtualAddress v6 = VirtualAddress.of(InetAddress.getByName("fe80::1"));
        VrrpConfig fine = new VrrpConfig(List.of(), List.of(instance("A", "eth0", 7), instance("B", "eth1", 7),
                instance("C", "eth0", 7, List.of(v6), List.of())), List.of());
        assertEquals(3, fine.instances().size());
        assertEquals("vrrp_instance B: virtual_router_id 7 is already used on eth0 (IPv4) by vrrp_instance A",
                rejected(List.of(), List.of(instance("A", "eth0", 7), instance("B", "eth0", 7)), List.of()));
    }

    @Test
    void namesAreUniqueAndReferencesDefined() {
        assertEquals("duplicate vrrp_instance name 'A'",
                rejected(List.of(), List.of(instance("A", "eth0", 1), instance("A", "eth1", 2)), List.of()));
        assertEquals("duplicate vrrp_script name 'chk'", rejected(List.of(CHECK, CHECK), List.of(), List.of()));
        assertEquals("vrrp_instance A: track_script nope names no vrrp_script", rejected(List.of(CHECK),
                List.of(instance("A", "eth0", 1, List.of(), List.of(new TrackedScript("nope", OptionalInt.empty())))),
                List.of()));
        assertEquals("vrrp_sync_group G: no vrrp_instance B",
                rejected(List.of(), List.of(instance("A", "eth0", 1)), List.of(group("G", "A", "B"))));
        assertEquals("vrrp_instance A is in vrrp_sync_group G and H",
                rejected(List.of(), List.of(instance("A", "eth0", 1)), List.of(group("G", "A"), group("H", "A"))));
        assertEquals(1, new VrrpConfig(List.of(CHECK), List.of(instance("A", "eth0", 1, List.of(),
                List.of(new TrackedScript("chk", OptionalInt.empty())))), List.of(group("G", "A"))).syncGroups().size());
    }
}
