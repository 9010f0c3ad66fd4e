package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckReport;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** The adapter on a fake clock, with a probe whose answer is a function of the fake time. */
class CheckLoopTest {

    private static final CheckTarget TARGET = new CheckTarget("app/app1", new InetSocketAddress("127.0.0.1", 80));
    private static final Duration S2 = Duration.ofSeconds(2);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> events = new ArrayList<>();
    private final List<String> effects = new ArrayList<>();
    private LongPredicate healthy = t -> true;

    private CheckLoop loop(CheckSpec spec) {
        Probe probe = target -> CompletableFuture.completedFuture(healthy.test(clock.nowMillis())
                ? CheckOutcome.of(CheckStatus.L4OK, "", Duration.ofMillis(1))
                : CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO));
        CheckLoop loop = new CheckLoop(TARGET, spec, this::record, clock, s -> probe, this::machine,
                (event, s) -> effects.add(event.state() + " effects"));
        loop.start();
        return loop;
    }

    private VerdictMachine machine(CheckSpec spec, HealthState initial) {
        if (spec instanceof CheckSpec.Haproxy h) {
            return new HaproxyRiseFall(h.server(), initial);
        }
        CheckSpec.Keepalived k = (CheckSpec.Keepalived) spec;
        return new KeepalivedRetry(k.checker().common(), k.effectiveDelayLoop(), initial, new SplittableRandom(7));
    }

    private void record(HealthEvent event) {
        events.add(clock.nowMillis() + " " + event.state() + " " + event.cause().status());
    }

    @Test
    void reportsDownAndUpAtTheInstantsTheRulesGive() {
        healthy = t -> t < 9_000 || t >= 20_000;
        CheckLoop loop = loop(Specs.tcp(Specs.server("app1", 80, S2, S2, S2, 2, 3)));
        clock.runUntil(30_000);
        assertEquals(List.of("14000 DOWN L4CON", "22000 UP L4OK"), events);
        assertEquals(List.of("DOWN effects", "UP effects"), effects);
        assertEquals(HealthState.UP, loop.state());
    }

    @Test
    void everyCheckIsReportedWithTheHealthCounterAndFailuresWhileUpAreMarked() {
        healthy = t -> t < 9_000;
        List<String> reports = new ArrayList<>();
        HealthListener listener = new HealthListener() {
            @Override
            public void stateChanged(HealthEvent event) {
                record(event);
            }

            @Override
            public void checked(CheckReport report) {
                reports.add(clock.nowMillis() + " " + report.outcome().status() + " " + report.health().getAsInt()
                        + (report.failedWhileUp() ? " chkfail" : ""));
            }
        };
        Probe probe = target -> CompletableFuture.completedFuture(healthy.test(clock.nowMillis())
                ? CheckOutcome.of(CheckStatus.L4OK, "", Duration.ofMillis(1))
                : CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO));
        new CheckLoop(TARGET, Specs.tcp(Specs.server("app1", 80, S2, S2, S2, 2, 3)), listener, clock, s -> probe,
                this::machine, (event, s) -> { }).start();
        clock.runUntil(16_000);
        // rise 2, fall 3: UP at 2 of 0..4; three failures from the top take it DOWN, each counted
        // (HAProxy's chkfail); the failure found at 0 is not.
        assertEquals(List.of("0 L4OK 3", "2000 L4OK 4", "4000 L4OK 4", "6000 L4OK 4", "8000 L4OK 4",
                "10000 L4CON 3 chkfail", "12000 L4CON 2 chkfail", "14000 L4CON 0 chkfail", "16000 L4CON 0"), reports);
        assertEquals(List.of("14000 DOWN L4CON"), events);
    }

    @Test
    void reconfigureKeepsTheVerdictAndAppliesTheNewIntervals() {
        healthy = t -> t < 3_000;
        CheckLoop loop = loop(Specs.tcp(Specs.server("app1", 80, S2, S2, S2, 2, 3)));
        clock.runUntil(2_500);
        loop.reconfigure(Specs.tcp(Specs.server("app1", 80, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 2, 1)));
        clock.runUntil(30_000);
        // Reconfigured at 2.5 s while UP: checked at once (healthy), then every 10 s; fall 1: DOWN at 12.5 s.
        assertEquals(List.of("12500 DOWN L4CON"), events);
    }

    @Test
    void stopEndsTheChecksAndOmegaReportsAnUpServerDown() {
        CheckSpec.Keepalived omega = new CheckSpec.Keepalived(new HealthChecker.TcpCheck(
                Specs.common(S2, 1, S2, Optional.empty())), Duration.ofSeconds(6), false, true, Optional.empty(),
                Optional.empty());
        CheckLoop loop = loop(omega);
        clock.runUntil(10_000);
        loop.stop();
        healthy = t -> false;
        clock.runUntil(60_000);
        assertEquals(List.of("10000 DOWN STOPPED"), events, "omega, and no check after stop");
    }

    @Test
    void aThrowingProbeCountsAsAFailedCheckAndTheLoopGoesOn() {
        int[] calls = {0};
        Probe broken = target -> {
            calls[0]++;
            throw new IllegalStateException("probe bug");
        };
        CheckLoop loop = new CheckLoop(TARGET, Specs.tcp(Specs.server("app1", 80, S2, S2, S2, 2, 3)), this::record,
                clock, s -> broken, this::machine, (event, s) -> { });
        loop.start();
        clock.runUntil(10_000);
        assertEquals(List.of("0 DOWN L4CON"), events);
        assertEquals(6, calls[0], "checks at 0, 2, 4, 6, 8 and 10 s");
    }

    @Test
    void alphaStartsDownAndReportsTheFirstSuccess() {
        CheckSpec.Keepalived alpha = new CheckSpec.Keepalived(new HealthChecker.TcpCheck(
                Specs.common(S2, 1, S2, Optional.empty())), Duration.ofSeconds(6), true, false, Optional.empty(),
                Optional.empty());
        CheckLoop loop = loop(alpha);
        assertEquals(HealthState.DOWN, loop.state());
        clock.runUntil(1);
        assertEquals(List.of("0 UP L4OK"), events);
    }

    @Test
    void aMiscDynamicWeightReachesTheListenerButRunsNoNotifyScript() {
        CheckLoop loop = scripted(dynamic(Duration.ofSeconds(6)), 7, 7, 0, 12);
        clock.runUntil(18_000);
        // checks every delay_loop (6 s): exit 7 → weight 5; 7 again: nothing new; 0 → the configured weight; 12 → 10
        assertEquals(List.of("0 UP w5", "12000 UP configured weight", "18000 UP w10"), heard);
        assertEquals(HealthState.UP, loop.state());
        assertEquals(List.of(), effects, "the server stayed UP: no notify_up, no check log line");
    }

    @Test
    void aReconfiguredCheckerStillKnowsTheWeightTheListenerHeard() {
        CheckLoop loop = scripted(dynamic(Duration.ofSeconds(6)), 7, 7, 0);
        clock.runUntil(1);
        loop.reconfigure(dynamic(Duration.ofSeconds(10))); // checks again at once (7), then 10 s later (0)
        clock.runUntil(20_000);
        assertEquals(List.of("0 UP w5", "10001 UP configured weight"), heard);
    }

    @Test
    void turningMiscDynamicOffAndOnAgainReportsTheWeightAgain() {
        CheckLoop loop = scripted(dynamic(Duration.ofSeconds(6)), 7);
        clock.runUntil(1);
        CheckSpec.Keepalived fixed = new CheckSpec.Keepalived(new HealthChecker.MiscCheck(Specs.common(S2, 1, S2,
                Optional.empty()), "/usr/local/bin/weigh", Optional.empty(), false, Optional.empty()), Duration.ofSeconds(6),
                false, false, Optional.empty(), Optional.empty());
        loop.reconfigure(fixed); // exit 7 without misc_dynamic fails once, still UP (retry 1)
        clock.runUntil(1_000);
        loop.reconfigure(dynamic(Duration.ofSeconds(6)));
        clock.runUntil(1_001);
        assertEquals(List.of("0 UP w5", "1000 UP w5"), heard, "the listener dropped the weight when misc_dynamic went");
    }

    @Test
    void aFailedDynamicCheckerComesBackAtTheWeightItsScriptAsksFor() {
        scripted(dynamic(Duration.ofSeconds(6)), 7, 1, 1, 9);
        clock.runUntil(14_000);
        // retry 1, delay_before_retry 2 s: exit 1 at 6 s and 8 s takes it DOWN; exit 9 at 14 s: UP at weight 7
        assertEquals(List.of("0 UP w5", "8000 DOWN configured weight", "14000 UP w7"), heard);
        assertEquals(List.of("DOWN effects", "UP effects"), effects);
    }

    private final List<String> heard = new ArrayList<>();

    /** A started loop whose script exits with these statuses, the last one from then on; heard lists its events. */
    private CheckLoop scripted(CheckSpec.Keepalived spec, int... exitStatuses) {
        int[] calls = {0};
        Function<CheckSpec, Probe> scripts = s -> target -> {
            int status = exitStatuses[Math.min(calls[0]++, exitStatuses.length - 1)];
            boolean dynamic = ((HealthChecker.MiscCheck) ((CheckSpec.Keepalived) s).checker()).dynamic();
            return CompletableFuture.completedFuture(MiscProbe.judge(new ProcessResult(status, "", "",
                    Duration.ofMillis(3), false), dynamic, S2));
        };
        CheckLoop loop = new CheckLoop(TARGET, spec, event -> heard.add(clock.nowMillis() + " " + event.state() + " "
                + event.cause().weight().stream().mapToObj(w -> "w" + w).findFirst().orElse("configured weight")), clock,
                scripts, this::machine, (event, s) -> effects.add(event.state() + " effects"));
        loop.start();
        return loop;
    }

    /** MISC_CHECK with misc_dynamic, retry 1 and delay_before_retry 2 s, every {@code delayLoop}. */
    private static CheckSpec.Keepalived dynamic(Duration delayLoop) {
        return new CheckSpec.Keepalived(new HealthChecker.MiscCheck(Specs.common(S2, 1, S2, Optional.empty()),
                "/usr/local/bin/weigh", Optional.empty(), true, Optional.empty()), delayLoop, false, false, Optional.empty(),
                Optional.empty());
    }
}
