package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.Lvs.checked;
import static dev.fulcrum.ipvs.internal.Lvs.miscCheck;
import static dev.fulcrum.ipvs.internal.Lvs.real;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * keepalived.conf(5) MISC_CHECK {@code misc_dynamic} reaches the kernel table: a script's exit status
 * 2..255 sets the real server's weight to status - 2 with one IPVS_CMD_SET_DEST and nothing else; 0
 * gives the configured weight back; 1 takes the server out (weight 0 with inhibit_on_failure) and it
 * comes back at the weight its next exit status asks for — what keepalived 2.2.7 does (see
 * RealServerMonitors). The fake kernel decodes the netlink requests the subsystem sends.
 */
class MiscDynamicWeightTest {

    private static final String RS = "[192.168.1.12]:tcp:80";
    private static final String ACTIVE_5 = "Changing weight from 1 to 5 for active service " + RS + " of VS [10.0.0.1]:tcp:80";

    private final List<String> log = new ArrayList<>();
    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
    private final FakeHealthService health = new FakeHealthService();
    private final RealServer plain = real("192.168.1.11", 80, 1);
    private final RealServer scripted = checked(real("192.168.1.12", 80, 1), miscCheck("/usr/local/bin/weigh 12", true));

    @Test
    void exitSevenSetsWeightFiveWithOneSetDestAndNothingElse() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        int dumps = kernel.dumps();

        script().exits(7);

        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w5"), kernel.log());
        assertEquals(dumps, kernel.dumps(), "a weight change reads nothing back from the kernel");
        assertTrue(log.contains(ACTIVE_5), log::toString);
        assertTrue(new IpvsCommand(subsystem).ipvs("-Ln").contains("  -> 192.168.1.12:80              Masq    5      0          0"),
                "fulcrum:ipvs shows the kernel's weight as ipvsadm -Ln does");
    }

    @Test
    void exitZeroGivesTheConfiguredWeightBack() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        script().exits(7);
        kernel.log().clear();

        script().exits(0);

        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"), kernel.log(),
                "exit 0: the configured weight, as keepalived 2.2.7 does");
        assertTrue(log.contains("Changing weight from 5 to 1 for active service " + RS + " of VS [10.0.0.1]:tcp:80"),
                log::toString);
    }

    @Test
    void aFailedServerReturnsAtTheWeightItsNextExitStatusAsksFor() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        script().exits(7);
        kernel.log().clear();
        log.clear();

        script().exits(1);
        script().exits(9);
        script().exits(1);
        script().exits(0);

        assertEquals(List.of("delete TCP 10.0.0.1:80 -> 192.168.1.12:80", "add TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w7",
                "delete TCP 10.0.0.1:80 -> 192.168.1.12:80", "add TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"), kernel.log());
        assertEquals(List.of("Removing service " + RS + " from VS [10.0.0.1]:tcp:80",
                "Changing weight from 1 to 7 for inactive service " + RS + " of VS [10.0.0.1]:tcp:80",
                "Adding service " + RS + " to VS [10.0.0.1]:tcp:80", "Removing service " + RS + " from VS [10.0.0.1]:tcp:80",
                "Adding service " + RS + " to VS [10.0.0.1]:tcp:80"), log,
                "keepalived's lines: the failure resets the weight without a line of its own");
    }

    @Test
    void inhibitOnFailureGoesToWeightZeroAndBackToTheAskedWeight() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, Lvs.inhibited(scripted)));
        script().exits(7);
        kernel.log().clear();

        script().exits(1);
        script().exits(12);

        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w0", "edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w10"),
                kernel.log());
        assertTrue(log.contains("Changing weight from 1 to 10 for inactive service " + RS + " of VS [10.0.0.1]:tcp:80"),
                log::toString);
        assertTrue(log.contains("Enabling service " + RS + " of VS [10.0.0.1]:tcp:80"), log::toString);
    }

    @Test
    void exitTwoAsksForWeightZero() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        script().exits(2);
        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w0"), kernel.log());
    }

    /** The sequence keepalived 2.2.7 ran in the kernel rig, with the weights ipvsadm -Ln showed after each step. */
    @Test
    void twoDynamicCheckersAddTheirMovesToTheConfiguredWeight() {
        RealServer twice = checked(real("192.168.1.12", 80, 3), miscCheck("/usr/local/bin/weigh a", true),
                miscCheck("/usr/local/bin/weigh b", true));
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, twice));
        FakeHealthService.FakeMonitor a = health.running().get(0);
        FakeHealthService.FakeMonitor b = health.running().get(1);

        a.exits(7); // 3 + (5 - 3)
        b.exits(12); // 5 + (10 - 3)
        a.exits(2); // 3 + (0 - 3) + (10 - 3)
        b.exits(0); // 3 + (0 - 3) + 0
        b.exits(2); // 3 - 3 - 3 < 0: IPVS takes no negative weight, 0 stays
        a.exits(0); // 3 + 0 - 3
        b.exits(0); // 3

        assertEquals(List.of(5, 12, 7, 0, 3).stream().map(w -> "edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w" + w).toList(),
                kernel.log());
    }

    @Test
    void withoutMiscDynamicAWeightIsIgnoredAndTheConfiguredOneReturnsWhenItIsTurnedOff() {
        RealServer fixed = checked(real("192.168.1.12", 80, 1), miscCheck("/usr/local/bin/weigh 12", false));
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        script().exits(7);
        kernel.log().clear();

        apply(2, Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, fixed));
        assertEquals(List.of("edit TCP 10.0.0.1:80 -> 192.168.1.12:80 Masq w1"), kernel.log(),
                "misc_dynamic removed: the configured weight again, the monitor kept");
        kernel.log().clear();
        script().exits(7);
        assertEquals(List.of(), kernel.log());
    }

    @Test
    void aRevisionThatKeepsTheDynamicCheckerKeepsItsWeight() {
        start(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted));
        script().exits(7);
        kernel.log().clear();
        RealServer slower = checked(real("192.168.1.12", 80, 1), new HealthChecker.MiscCheck(CheckCommon.DEFAULTS,
                "/usr/local/bin/weigh 12", Optional.of(Duration.ofSeconds(9)), true, Optional.empty()));

        apply(2, Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, slower));

        assertEquals(1, script().reconfigurations, "the same checker, reconfigured (misc_timeout 9 s)");
        assertEquals(List.of(), kernel.log(), "the weight the script asked for stays");
    }

    @Test
    void theDynamicWeightCountsTowardsTheQuorum() {
        VirtualServer web = Lvs.withQuorum(Lvs.virtual("10.0.0.1", 80, Scheduler.WRR, plain, scripted), 4, 0,
                new Endpoint(Lvs.ip("192.168.1.99"), 80));
        start(web);
        assertEquals(List.of("192.168.1.99:80 w1"), table(), "live weight 2 < quorum 4: the sorry server stands in");

        script().exits(5); // weight 3: 1 + 3 reaches the quorum
        assertEquals(List.of("192.168.1.11:80 w1", "192.168.1.12:80 w3"), table());
    }

    /** The destinations of the one service, sorted, as "address:port wWEIGHT". */
    private List<String> table() {
        return kernel.destinationsOf(kernel.services().iterator().next()).stream()
                .map(d -> d.address().getHostAddress() + ":" + d.port() + " w" + d.weight()).sorted().toList();
    }

    private FakeHealthService.FakeMonitor script() {
        return health.running(RS);
    }

    private void start(VirtualServer web) {
        subsystem.setHealthService(health);
        apply(1, web);
        kernel.log().clear();
    }

    private void apply(long number, VirtualServer... servers) {
        Revision revision = new Revision(number, DesiredState.EMPTY.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY,
                new LvsConfig(List.of(servers), List.of())), Instant.EPOCH, "");
        assertTrue(subsystem.reconcile(revision).isApplied(), () -> subsystem.reconcile(revision).errors().toString());
    }
}
