package dev.fulcrum.ipvs.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthListener;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A HealthService whose monitors check nothing: the test decides their verdicts. */
final class FakeHealthService implements HealthService {

    final List<FakeMonitor> started = new ArrayList<>();

    @Override
    public HealthMonitor start(CheckTarget target, CheckSpec spec, HealthListener listener) {
        FakeMonitor monitor = new FakeMonitor(target, (CheckSpec.Keepalived) spec, listener);
        started.add(monitor);
        return monitor;
    }

    /** The monitors not stopped, in start order. */
    List<FakeMonitor> running() {
        return started.stream().filter(m -> !m.stopped).toList();
    }

    FakeMonitor running(String target) {
        return running().stream().filter(m -> m.target().name().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no monitor runs for " + target + ": " + running()));
    }

    static final class FakeMonitor implements HealthMonitor {
        private final CheckTarget target;
        private final HealthListener listener;
        CheckSpec.Keepalived spec;
        HealthState state;
        boolean stopped;
        int reconfigurations;

        FakeMonitor(CheckTarget target, CheckSpec.Keepalived spec, HealthListener listener) {
            this.target = target;
            this.spec = spec;
            this.listener = listener;
            this.state = spec.alpha() ? HealthState.DOWN : HealthState.UP; // keepalived alpha
        }

        /** What the real monitor does when a check changes the verdict. */
        void report(HealthState newState) {
            state = newState;
            listener.stateChanged(new HealthEvent(target, newState, CheckOutcome.of(
                    newState == HealthState.UP ? CheckStatus.L4OK : CheckStatus.L4CON, "", Duration.ZERO)));
        }

        /**
         * What the real monitor reports after a MISC_CHECK script exits with {@code status} under
         * {@code misc_dynamic} (retry 0): 0 up, 1 down, 2..255 up asking for weight status - 2.
         */
        void exits(int status) {
            state = status == 1 ? HealthState.DOWN : HealthState.UP;
            CheckOutcome outcome = status == 1 ? CheckOutcome.withCode(CheckStatus.PROCERR, 1, "exit status 1", Duration.ZERO)
                    : new CheckOutcome(CheckStatus.PROCOK, OptionalInt.of(status), "", Duration.ZERO,
                            status == 0 ? OptionalInt.empty() : OptionalInt.of(status - 2));
            listener.stateChanged(new HealthEvent(target, state, outcome));
        }

        @Override
        public CheckTarget target() {
            return target;
        }

        @Override
        public HealthState state() {
            return state;
        }

        @Override
        public void reconfigure(CheckSpec newSpec) {
            spec = (CheckSpec.Keepalived) newSpec;
            reconfigurations++;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public String toString() {
            return target.name() + (stopped ? " (stopped)" : "");
        }
    }
}
