package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsForwarding;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan's order across services: every addition before any edit, every edit before any removal. */
class TablePlanTest {

    private final IpvsKey one = key("10.0.0.1");
    private final IpvsKey two = key("10.0.0.2");
    private final IpvsKey gone = key("10.0.0.3");

    @Test
    void additionsThenEditsThenRemovalsAcrossServices() {
        Map<IpvsKey, DesiredService> actual = new LinkedHashMap<>();
        actual.put(one, new DesiredService(IpvsService.of(one, "rr"), List.of(dest("192.168.1.1", 1), dest("192.168.1.2", 1))));
        actual.put(gone, new DesiredService(IpvsService.of(gone, "rr"), List.of(dest("192.168.1.9", 1))));
        Map<IpvsKey, DesiredService> desired = new LinkedHashMap<>();
        desired.put(one, new DesiredService(IpvsService.of(one, "wrr"), List.of(dest("192.168.1.1", 4), dest("192.168.1.3", 1))));
        desired.put(two, new DesiredService(IpvsService.of(two, "rr"), List.of(dest("192.168.1.5", 1))));

        List<String> plan = TablePlan.between(actual, desired, Set.of(one, gone)).stream().map(TableChange::describe).toList();

        assertEquals(List.of(
                "add service TCP 10.0.0.2:80",
                "edit service TCP 10.0.0.1:80",
                "add real server 192.168.1.3:80 to TCP 10.0.0.1:80",
                "add real server 192.168.1.5:80 to TCP 10.0.0.2:80",
                "edit real server 192.168.1.1:80 of TCP 10.0.0.1:80",
                "delete real server 192.168.1.2:80 from TCP 10.0.0.1:80",
                "delete service TCP 10.0.0.3:80"), plan);
    }

    @Test
    void aServiceReplacedByAnotherIsDeletedThoughTheCountStaysTheSame() {
        DesiredService kept = new DesiredService(IpvsService.of(one, "rr"), List.of(dest("192.168.1.1", 1)));
        Map<IpvsKey, DesiredService> actual = new LinkedHashMap<>(Map.of(one, kept));
        actual.put(gone, new DesiredService(IpvsService.of(gone, "rr"), List.of()));
        Map<IpvsKey, DesiredService> desired = new LinkedHashMap<>(Map.of(one, kept));
        desired.put(two, new DesiredService(IpvsService.of(two, "rr"), List.of()));

        List<String> plan = TablePlan.between(actual, desired, Set.of(one, gone)).stream().map(TableChange::describe).toList();

        assertEquals(List.of("add service TCP 10.0.0.2:80", "delete service TCP 10.0.0.3:80"), plan);
    }

    @Test
    void servicesNotOwnedAreNeverDeleted() {
        Map<IpvsKey, DesiredService> actual = Map.of(gone, new DesiredService(IpvsService.of(gone, "rr"), List.of()));

        assertEquals(List.of(), TablePlan.between(actual, Map.of(), Set.of()));
    }

    @Test
    void countersAndStatisticsAreNoDifference() {
        IpvsDestination busy = new IpvsDestination(Lvs.ip("192.168.1.1"), 80, IpvsForwarding.MASQ, 1, 0, 0,
                java.util.Optional.empty(), new IpvsDestination.Connections(5, 7, 1),
                java.util.Optional.of(new dev.fulcrum.ipvs.IpvsStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        IpvsService hashed = new IpvsService(one, "rr", dev.fulcrum.ipvs.IpvsGenl.SVC_F_HASHED, 0, 0xFFFF_FFFFL,
                java.util.Optional.empty(), java.util.Optional.empty());
        Map<IpvsKey, DesiredService> actual = Map.of(one, new DesiredService(hashed, List.of(busy)));
        Map<IpvsKey, DesiredService> desired = Map.of(one, new DesiredService(IpvsService.of(one, "rr"),
                List.of(dest("192.168.1.1", 1))));

        assertEquals(List.of(), TablePlan.between(actual, desired, Set.of(one)));
    }

    private static IpvsKey key(String address) {
        return new IpvsKey.Address(Protocol.TCP, Lvs.ip(address), 80);
    }

    private static IpvsDestination dest(String address, int weight) {
        return IpvsDestination.of(Lvs.ip(address), 80, IpvsForwarding.MASQ, weight);
    }
}
