package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.vrrp.fsm.Action.AddVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.RemoveVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.SendAdvert;
import dev.fulcrum.vrrp.fsm.Action.StartTimer;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) vrrp_sync_group: a member follows the group's state at once. */
class FollowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final VrrpStateMachine machine = new VrrpStateMachine(new RouterSettings("VI_2", 3, 52, 100,
            Duration.ofSeconds(1), InitialState.BACKUP, true, Duration.ZERO, true, 3, InetAddress.getLoopbackAddress(),
            List.of(VirtualAddress.of(InetAddress.getLoopbackAddress())), Optional.empty(),
            new GarpPolicy(1, Duration.ZERO, Duration.ZERO), false, true, false));

    @Test
    void aBackupFollowsToMasterWithoutWaitingForItsTimer() {
        machine.handle(new Event.Startup(T0));
        List<Action> actions = machine.handle(new Event.Follow(T0.plusMillis(10), VrrpState.MASTER, "VI_1 is MASTER"));
        assertEquals(VrrpState.MASTER, machine.state());
        assertTrue(actions.stream().anyMatch(AddVirtualAddresses.class::isInstance));
        assertTrue(actions.contains(new SendAdvert(100)), "a new master advertises at once: " + actions);
    }

    @Test
    void aMasterFollowsToBackupWithoutResigning() {
        machine.handle(new Event.Startup(T0));
        machine.handle(new Event.Follow(T0, VrrpState.MASTER, "VI_1 is MASTER"));
        List<Action> actions = machine.handle(new Event.Follow(T0.plusSeconds(1), VrrpState.BACKUP, "VI_1 is BACKUP"));
        assertEquals(VrrpState.BACKUP, machine.state());
        assertTrue(actions.stream().anyMatch(RemoveVirtualAddresses.class::isInstance));
        assertTrue(actions.stream().noneMatch(a -> a.equals(new SendAdvert(0))), "no priority 0: " + actions);
        assertTrue(actions.stream().anyMatch(a -> a instanceof StartTimer start && start.kind() == TimerKind.MASTER_DOWN),
                "waits for the master again");
    }

    @Test
    void followingTheStateItIsInOrFromFaultChangesNothing() {
        machine.handle(new Event.Startup(T0));
        machine.handle(new Event.Follow(T0, VrrpState.BACKUP, "VI_1 is BACKUP"));
        assertEquals(VrrpState.BACKUP, machine.state());
        machine.handle(new Event.FaultRaised(T0, "e0"));
        machine.handle(new Event.Follow(T0, VrrpState.MASTER, "VI_1 is MASTER"));
        assertEquals(VrrpState.FAULT, machine.state(), "a faulty member stays in FAULT");
    }
}
