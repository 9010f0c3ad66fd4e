package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckReport;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The adapter that runs one target's checks: probe, feed the verdict machine, report changes,
 * schedule the next check. Every field is touched only on the scheduler's thread; a generation
 * number discards results of probes started before a reconfigure or stop.
 */
final class CheckLoop implements HealthMonitor {

    /** What happens besides telling the listener: notify scripts and log lines (see HealthServiceImpl). */
    interface SideEffects {
        void changed(HealthEvent event, CheckSpec spec);
    }

    private final CheckTarget target;
    private final HealthListener listener;
    private final Scheduler scheduler;
    private final Function<CheckSpec, Probe> probes;
    private final BiFunction<CheckSpec, HealthState, VerdictMachine> machines;
    private final SideEffects effects;
    private CheckSpec spec;
    private Probe probe;
    private VerdictMachine machine;
    private Scheduler.Cancellable next = () -> { };
    private long generation;
    private volatile HealthState state;
    /**
     * The misc_dynamic weight the listener last heard (empty: the configured one). Kept here, not in
     * the verdict machine, so that it survives a reconfigure.
     */
    private OptionalInt heardWeight = OptionalInt.empty();
    private boolean stopped;

    CheckLoop(CheckTarget target, CheckSpec spec, HealthListener listener, Scheduler scheduler,
            Function<CheckSpec, Probe> probes, BiFunction<CheckSpec, HealthState, VerdictMachine> machines,
            SideEffects effects) {
        this.target = target;
        this.listener = listener;
        this.scheduler = scheduler;
        this.probes = probes;
        this.machines = machines;
        this.effects = effects;
        this.spec = spec;
        this.probe = probes.apply(spec);
        this.machine = machines.apply(spec, initialState(spec));
        this.state = machine.state();
    }

    /** keepalived {@code alpha} starts DOWN; everything else starts UP (HAProxy's default too). */
    static HealthState initialState(CheckSpec spec) {
        return spec instanceof CheckSpec.Keepalived k && k.alpha() ? HealthState.DOWN : HealthState.UP;
    }

    private static boolean dynamic(CheckSpec spec) {
        return spec instanceof CheckSpec.Keepalived k && k.checker() instanceof HealthChecker.MiscCheck misc && misc.dynamic();
    }

    void start() {
        scheduler.execute(() -> scheduleCheck(machine.firstDelay()));
    }

    @Override
    public CheckTarget target() {
        return target;
    }

    @Override
    public HealthState state() {
        return state;
    }

    /** Builds the new probe and machine at once, so that a bad specification fails in the caller. */
    @Override
    public void reconfigure(CheckSpec newSpec) {
        Probe newProbe = probes.apply(newSpec);
        onLoop(() -> {
            if (stopped) {
                return;
            }
            next.cancel();
            generation++;
            spec = newSpec;
            probe = newProbe;
            machine = machines.apply(newSpec, state);
            if (!dynamic(newSpec)) {
                heardWeight = OptionalInt.empty(); // no longer misc_dynamic: the listener drops the weight too
            }
            scheduleCheck(machine.firstDelay());
        });
    }

    @Override
    public void stop() {
        onLoop(() -> {
            if (stopped) {
                return;
            }
            stopped = true;
            next.cancel();
            generation++;
            if (spec instanceof CheckSpec.Keepalived k && k.omega() && state == HealthState.UP) {
                report(HealthState.DOWN, CheckOutcome.of(CheckStatus.STOPPED, "", Duration.ZERO));
            }
        });
    }

    /** Runs the task on the loop and waits for it (or runs it directly when already there). */
    private void onLoop(Runnable task) {
        if (scheduler.inThread()) {
            task.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.join();
    }

    private void scheduleCheck(Duration delay) {
        long current = generation;
        next = scheduler.schedule(() -> runCheck(current), delay);
    }

    private void runCheck(long startedIn) {
        if (startedIn != generation) {
            return;
        }
        CompletionStage<CheckOutcome> pending;
        try {
            pending = probe.check(target.address());
        } catch (RuntimeException e) {
            // a probe must not throw; if one does, the loop goes on with a failed check rather than dying
            pending = CompletableFuture.failedFuture(e);
        }
        pending.whenComplete((outcome, error) -> scheduler.execute(() -> {
            if (startedIn != generation) {
                return;
            }
            CheckOutcome result = error == null ? outcome
                    : CheckOutcome.of(CheckStatus.L4CON, String.valueOf(error.getMessage()), Duration.ZERO);
            // HAProxy counts a failed check in chkfail while its health counter is above 0 (the
            // server up or rising); a machine without a counter counts failures of an UP target.
            boolean wasUp = machine.health().isPresent() ? machine.health().getAsInt() > 0 : state == HealthState.UP;
            VerdictMachine.Step step = machine.onOutcome(result);
            listener.checked(new CheckReport(result, machine.health(), !result.passed() && wasUp));
            step.newState().ifPresent(s -> report(s, result));
            if (step.newState().isEmpty() && state == HealthState.UP && result.passed()
                    && !result.weight().equals(heardWeight)) {
                // misc_dynamic asked for another weight (or, exit 0, the configured one) without a change of
                // state: only the listener hears it; notify_up/notify_down and the checker's log line are for
                // state changes (keepalived.conf(5) real_server notify_up: "when the service is up").
                heardWeight = result.weight();
                listener.stateChanged(new HealthEvent(target, state, result));
            }
            scheduleCheck(step.nextDelay());
        }));
    }

    private void report(HealthState newState, CheckOutcome cause) {
        state = newState;
        // going DOWN drops the asked weight: keepalived 2.2.7 brings a failed server back at the weight
        // its next exit status asks for (kernel rig: weight 3, exits 7, 1, 9 logged "Changing weight
        // from 3 to 7 for inactive service")
        heardWeight = newState == HealthState.UP ? cause.weight() : OptionalInt.empty();
        HealthEvent event = new HealthEvent(target, newState, cause);
        listener.stateChanged(event);
        effects.changed(event, spec);
    }
}
