package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.Action;
import dev.fulcrum.vrrp.fsm.Action.CancelTimer;
import dev.fulcrum.vrrp.fsm.Action.StartTimer;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.Event;
import dev.fulcrum.vrrp.fsm.GarpPolicy;
import dev.fulcrum.vrrp.fsm.RouterSettings;
import dev.fulcrum.vrrp.fsm.TimerKind;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.fsm.VrrpStateMachine;
import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import dev.fulcrum.vrrp.packet.Subnet;
import dev.fulcrum.vrrp.system.PcapReader.Captured;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived 2.2.7 as the master: its real adverts, captured with their real timing, go through
 * our receive validation and drive our state machine as a priority-100 backup. Every advert must be
 * accepted, our master down timer must never expire while keepalived advertises, and its
 * priority-0 resignation on SIGTERM must make us master after the skew time (RFC 5798 section 6.4.2).
 */
@SystemTest
class KeepalivedMasterTest {

    @TempDir
    Path directory;

    @Test
    void ourBackupFollowsKeepalivedAndTakesOverWhenItResigns() throws Exception {
        List<Captured> adverts = captureKeepalivedUntilItResigns();
        RouterSettings settings = new RouterSettings("VI_1", 3, 51, 100, Duration.ofSeconds(1), InitialState.BACKUP,
                true, Duration.ZERO, true, 3, InetAddress.getByName("192.0.2.2"),
                List.of(VirtualAddress.of(InetAddress.getByName("192.0.2.100"))), Optional.empty(),
                new GarpPolicy(1, Duration.ZERO, Duration.ZERO), false, true, false);
        ReceiveValidator validator = new ReceiveValidator(settings.receiveRules(
                List.of(new Subnet(InetAddress.getByName("192.0.2.2"), 24))));
        VrrpStateMachine machine = new VrrpStateMachine(settings);
        Map<TimerKind, Instant> timers = new EnumMap<>(TimerKind.class);
        List<VrrpState> states = new ArrayList<>();

        Instant start = adverts.get(0).at().minusMillis(100);
        apply(machine.handle(new Event.Startup(start)), timers, states);
        for (Captured advert : adverts) {
            fireDueTimers(machine, timers, states, advert.at());
            Accepted accepted = assertInstanceOf(Accepted.class,
                    validator.validate(advert.envelope(), advert.payload()), "keepalived's advert at " + advert.at());
            assertEquals(List.of(VrrpState.BACKUP), states, "still backup while keepalived advertises");
            apply(machine.handle(new Event.AdvertReceived(advert.at(), advert.envelope().source(),
                    accepted.advert())), timers, states);
        }
        Captured resignation = adverts.get(adverts.size() - 1);
        assertEquals(0, resignation.payload()[2], "the last captured advert is keepalived's priority 0");
        Instant takeOver = timers.get(TimerKind.MASTER_DOWN);
        // RFC 5798 section 6.1: Skew_Time = (256 - 100) * 100 cs / 256 = 0.609375 s after the resignation.
        assertEquals(Duration.ofNanos(609_375_000), Duration.between(resignation.at(), takeOver));
        fireDueTimers(machine, timers, states, takeOver.plusSeconds(1));
        assertEquals(List.of(VrrpState.BACKUP, VrrpState.MASTER), states);
        System.out.printf("followed %d keepalived adverts over %.1f s, took over at the skew time%n",
                adverts.size(), Duration.between(adverts.get(0).at(), resignation.at()).toMillis() / 1000.0);
    }

    private List<Captured> captureKeepalivedUntilItResigns() throws IOException, InterruptedException {
        Path pcap = directory.resolve("keepalived.pcap");
        try (KeepalivedRig rig = KeepalivedRig.create(directory)) {
            Process tcpdump = new ProcessBuilder("ip", "netns", "exec", rig.namespace().name(), "tcpdump", "-i", "vb",
                    "-U", "-n", "-Z", "root", "-w", pcap.toString(), "ip proto 112")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("tcpdump.log").toFile()).start();
            try {
                await(() -> Files.exists(pcap), "tcpdump to start");
                rig.startKeepalived(KeepalivedRig.instance("MASTER", 200));
                await(() -> PcapReader.vrrpPackets(pcap).size() >= 5, "five keepalived adverts");
                rig.stopKeepalived(); // SIGTERM: keepalived resigns with priority 0
                await(() -> PcapReader.vrrpPackets(pcap).stream().anyMatch(p -> p.payload()[2] == 0),
                        "keepalived's priority-0 advert");
            } finally {
                tcpdump.destroy();
                tcpdump.waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<Captured> adverts = PcapReader.vrrpPackets(pcap);
        int firstResignation = 0;
        while (adverts.get(firstResignation).payload()[2] != 0) {
            firstResignation++;
        }
        return adverts.subList(0, firstResignation + 1);
    }

    private static void fireDueTimers(VrrpStateMachine machine, Map<TimerKind, Instant> timers,
            List<VrrpState> states, Instant until) {
        while (true) {
            TimerKind kind = timers.entrySet().stream().filter(e -> !e.getValue().isAfter(until))
                    .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (kind == null) {
                return;
            }
            Instant at = timers.remove(kind);
            apply(machine.handle(new Event.TimerFired(at, kind)), timers, states);
        }
    }

    private static void apply(List<Action> actions, Map<TimerKind, Instant> timers, List<VrrpState> states) {
        for (Action action : actions) {
            if (action instanceof StartTimer start) {
                timers.put(start.kind(), start.at());
            } else if (action instanceof CancelTimer cancel) {
                timers.remove(cancel.kind());
            } else if (action instanceof StateChanged changed) {
                states.add(changed.to());
            }
        }
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    /** Waits for real time to pass (keepalived's timers are real); fails after 20 s. */
    private static void await(Check check, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
