package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.checked;
import static dev.fulcrum.ipvs.internal.Lvs.real;
import static dev.fulcrum.ipvs.internal.Lvs.tcpCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The HealthService's monitors drive the kernel table (keepalived.conf(5) real_server checkers):
 * a fake health service decides the verdicts, the fake kernel shows what the subsystem sends.
 */
class HealthWiringTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private final List<String> log = new ArrayList<>();
    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
    private final FakeHealthService health = new FakeHealthService();

    private final RealServer plain = real("192.168.1.11", 80, 1);
    private final RealServer checked = checked(real("192.168.1.12", 80, 1), Optional.of("/usr/local/bin/rs-up 12"),
            Optional.of("/usr/local/bin/rs-down 12"), tcpCheck(0, TWO_SECONDS));

    @Test
    void aFailedCheckRemovesTheRealServerAndASuccessBringsItBack() {
        subsystem.setHealthService(health);
        apply(1, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, checked));

        assertEquals(1, health.running().size(), "a real server without checker gets no monitor");
        FakeHealthService.FakeMonitor monitor = health.running("[192.168.1.12]:tcp:80");
        assertEquals(TWO_SECONDS, monitor.spec.effectiveDelayLoop());
        assertEquals(Optional.of("/usr/local/bin/rs-up 12"), monitor.spec.notifyUp(), "the health service runs notify_up");
        assertEquals(Optional.of("/usr/local/bin/rs-down 12"), monitor.spec.notifyDown());
        kernel.log().clear();

        monitor.report(HealthState.DOWN);
        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80"), kernel.log());
        assertTrue(log.contains("Removing service [192.168.1.12]:tcp:80 from VS [10.0.0.1]:tcp:80"), log::toString);

        kernel.log().clear();
        monitor.report(HealthState.UP);
        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"), kernel.log());
        assertTrue(log.contains("Adding service [192.168.1.12]:tcp:80 to VS [10.0.0.1]:tcp:80"), log::toString);
    }

    @Test
    void inhibitOnFailureKeepsTheServerAtWeightZero() {
        subsystem.setHealthService(health);
        apply(1, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, Lvs.inhibited(checked)));
        kernel.log().clear();

        health.running("[192.168.1.12]:tcp:80").report(HealthState.DOWN);

        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w0"), kernel.log());
        assertTrue(log.contains("Disabling service [192.168.1.12]:tcp:80 of VS [10.0.0.1]:tcp:80"), log::toString);
    }

    @Test
    void alphaStartsDownUntilTheFirstSuccess() {
        subsystem.setHealthService(health);
        apply(1, Lvs.alpha(Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, checked)));

        assertEquals(List.of("add TCP 10.0.0.1:80 rr", "add TCP 10.0.0.1:80 -> 192.168.1.11:80 Masq w1"), kernel.log(),
                "with alpha a checked real server waits for its first good check");
        kernel.log().clear();
        health.running("[192.168.1.12]:tcp:80").report(HealthState.UP);
        assertEquals(List.of("add TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"), kernel.log());
    }

    @Test
    void aRealServerWithTwoCheckersIsUpOnlyWhileBothAre() {
        subsystem.setHealthService(health);
        RealServer twice = checked(real("192.168.1.12", 80, 1), tcpCheck(0, null), tcpCheck(8080, null));
        apply(1, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, twice));
        FakeHealthService.FakeMonitor first = health.running("[192.168.1.12]:tcp:80");
        FakeHealthService.FakeMonitor second = health.running("[192.168.1.12]:tcp:8080");
        assertEquals(VirtualServer.DEFAULT_DELAY_LOOP, first.spec.effectiveDelayLoop(), "the virtual server's delay_loop");
        kernel.log().clear();

        first.report(HealthState.DOWN);
        second.report(HealthState.DOWN);
        first.report(HealthState.UP);
        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80"), kernel.log(), "still down: the second fails");
        second.report(HealthState.UP);
        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80", "add TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"),
                kernel.log());
    }

    @Test
    void revisionsStartReconfigureAndStopMonitors() {
        subsystem.setHealthService(health);
        apply(1, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, checked));
        FakeHealthService.FakeMonitor monitor = health.running("[192.168.1.12]:tcp:80");

        RealServer slower = checked(real("192.168.1.12", 80, 5), tcpCheck(0, Duration.ofSeconds(9)));
        apply(2, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, slower));
        assertFalse(monitor.stopped, "the same checker is reconfigured, not restarted");
        assertEquals(1, monitor.reconfigurations);
        assertEquals(Duration.ofSeconds(9), monitor.spec.effectiveDelayLoop());
        kernel.log().clear();
        monitor.report(HealthState.DOWN);
        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80"), kernel.log(), "a reconfigured monitor still counts");

        RealServer elsewhere = checked(real("192.168.1.12", 80, 5), tcpCheck(8080, null));
        apply(3, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, elsewhere));
        assertTrue(monitor.stopped, "connect_port changed: a new target");
        FakeHealthService.FakeMonitor moved = health.running("[192.168.1.12]:tcp:8080");

        monitor.report(HealthState.DOWN); // a late report of the stopped monitor
        assertTrue(kernel.destinationsOf(kernel.services().iterator().next()).size() == 2, "late reports are ignored");

        apply(4, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain));
        assertTrue(moved.stopped, "the real server lost its checker");
        assertEquals(List.of(), health.running());
    }

    @Test
    void withoutAHealthServiceEveryRealServerIsUpAndMonitorsFollowItsComings() {
        apply(1, Lvs.virtual("10.0.0.1", 80, Scheduler.RR, plain, checked));
        assertEquals(2, destinations());

        subsystem.setHealthService(health);
        health.running("[192.168.1.12]:tcp:80").report(HealthState.DOWN);
        assertEquals(1, destinations());

        subsystem.unsetHealthService(health);
        assertEquals(List.of(), health.running(), "the monitors of a departed service are stopped");
        assertEquals(2, destinations(), "without checkers every real server is up again");
    }

    @Test
    void nothingTouchesTheKernelBeforeTheFirstRevision() {
        subsystem.setHealthService(health);
        assertTrue(subsystem.repairDrift().isEmpty());
        assertEquals(List.of(), kernel.log());
    }

    private long destinations() {
        return kernel.services().stream().mapToLong(k -> kernel.destinationsOf(k).size()).sum();
    }

    private void apply(long number, VirtualServer... servers) {
        Revision revision = new Revision(number, DesiredState.EMPTY.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY,
                new LvsConfig(List.of(servers), List.of())), Instant.EPOCH, "");
        assertTrue(subsystem.reconcile(revision).isApplied(), () -> subsystem.reconcile(revision).errors().toString());
    }
}
