package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Drives a verdict machine on a fake clock: checks take no time, each next check comes exactly
 * the machine's delay later; the server's health is a function of the fake time in milliseconds.
 */
final class VerdictScenario {

    /** A state change at a fake instant (ms since start). */
    record Change(long atMillis, HealthState state) {
    }

    private final VerdictMachine machine;
    final List<Long> checkTimes = new ArrayList<>();

    VerdictScenario(VerdictMachine machine) {
        this.machine = machine;
    }

    List<Change> run(LongPredicate healthyAt, long untilMillis) {
        List<Change> changes = new ArrayList<>();
        long now = machine.firstDelay().toMillis();
        while (now <= untilMillis) {
            checkTimes.add(now);
            boolean healthy = healthyAt.test(now);
            CheckOutcome outcome = CheckOutcome.of(healthy ? CheckStatus.L4OK : CheckStatus.L4CON, "", Duration.ZERO);
            VerdictMachine.Step step = machine.onOutcome(outcome);
            long at = now;
            step.newState().ifPresent(s -> changes.add(new Change(at, s)));
            now += step.nextDelay().toMillis();
        }
        return changes;
    }
}
