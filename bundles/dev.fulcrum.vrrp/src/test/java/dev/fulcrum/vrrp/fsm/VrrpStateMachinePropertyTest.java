package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.vrrp.fsm.Action.AddVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.CancelTimer;
import dev.fulcrum.vrrp.fsm.Action.RemoveVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.SendAdvert;
import dev.fulcrum.vrrp.fsm.Action.StartTimer;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.packet.Advertisement;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants over random event sequences: the adapter's view (addresses, timers, state) stays
 * consistent whatever the order of events, including timers the adapter fires late or never.
 */
class VrrpStateMachinePropertyTest {

    /** One random input; {@code gapMillis} after the previous one. */
    record Step(int kind, int value, int gapMillis) {
    }

    @Property(tries = 300)
    void theAdaptersViewStaysConsistent(@ForAll("steps") List<Step> steps, @ForAll("priorities") int priority,
            @ForAll boolean version3, @ForAll boolean ownerStartsMaster) throws Exception {
        RouterSettings settings = new RouterSettings("VI_1", version3 ? 3 : 2, 51, priority, Duration.ofSeconds(1),
                ownerStartsMaster ? InitialState.MASTER : InitialState.BACKUP, true, Duration.ofSeconds(2), false, 3,
                InetAddress.getByName("192.0.2.10"), List.of(VirtualAddress.of(InetAddress.getByName("192.0.2.100"))),
                Optional.empty(), new GarpPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(3)), false, true,
                false);
        VrrpStateMachine machine = new VrrpStateMachine(settings);
        Map<TimerKind, Instant> armed = new EnumMap<>(TimerKind.class);
        boolean vipsUp = false;
        VrrpState state = VrrpState.INITIALIZE;
        Instant now = Instant.EPOCH;
        for (Step step : steps) {
            now = now.plusMillis(step.gapMillis());
            Event event;
            if (step.kind() == 3) {
                // The adapter fires a timer at its deadline (or a stale one, if none is armed) ...
                TimerKind kind = TimerKind.values()[step.value() % TimerKind.values().length];
                Instant deadline = armed.remove(kind); // ... and a fired timer is no longer running.
                if (deadline != null && deadline.isAfter(now)) {
                    now = deadline;
                }
                event = new Event.TimerFired(now, kind);
            } else {
                event = event(step, now);
            }
            for (Action action : machine.handle(event)) {
                if (action instanceof StartTimer start) {
                    assertFalse(start.at().isBefore(now), "a timer in the past: " + start);
                    armed.put(start.kind(), start.at());
                } else if (action instanceof CancelTimer cancel) {
                    assertTrue(armed.remove(cancel.kind()) != null, "cancelled a timer not running: " + cancel);
                } else if (action instanceof AddVirtualAddresses) {
                    assertFalse(vipsUp, "addresses added twice");
                    vipsUp = true;
                } else if (action instanceof RemoveVirtualAddresses) {
                    assertTrue(vipsUp, "addresses removed while not up");
                    vipsUp = false;
                } else if (action instanceof SendAdvert send) {
                    assertTrue(send.priority() == 0 || machine.state() == VrrpState.MASTER, "advert outside MASTER");
                } else if (action instanceof StateChanged changed) {
                    assertEquals(state, changed.from());
                    state = changed.to();
                }
            }
            assertEquals(machine.state(), state);
            assertEquals(state == VrrpState.MASTER, vipsUp, "addresses up exactly while MASTER");
            assertEquals(state == VrrpState.MASTER, armed.containsKey(TimerKind.ADVERT), "advert timer while MASTER");
            assertEquals(state == VrrpState.BACKUP, armed.containsKey(TimerKind.MASTER_DOWN),
                    "master down timer while BACKUP");
        }
    }

    /** kinds: 0 startup, 1 shutdown, 2 advert, 3 a timer (above), 4 fault, 5 clear, 6 priority. */
    private static Event event(Step step, Instant now) throws Exception {
        return switch (step.kind()) {
            case 0 -> new Event.Startup(now);
            case 1 -> new Event.Shutdown(now);
            case 2 -> new Event.AdvertReceived(now, InetAddress.getByName("192.0.2." + (1 + step.value() % 20)),
                    Advertisement.v3(51, step.value(), 100, List.of(InetAddress.getByName("192.0.2.100"))));
            case 4 -> new Event.FaultRaised(now, "track" + step.value() % 2);
            case 5 -> new Event.FaultCleared(now, "track" + step.value() % 2);
            default -> new Event.PriorityChanged(now, step.value());
        };
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 5000)).as(Step::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Integer> priorities() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 254), Arbitraries.just(255));
    }
}
