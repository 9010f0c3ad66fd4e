package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Fulcrum's {@code track_subsystem}: reads the status of every subsystem a vrrp_instance tracks
 * each {@link #INTERVAL} (a status read never blocks, see {@code Subsystem}) on a thread of its own,
 * and tells {@code changed} when one turns healthy or failing; the first read of a name is always told.
 * Healthy is ACTIVE or DEGRADED (still serving: {@code killall -0 haproxy} would still succeed);
 * FAILED, INACTIVE, not running, or a status that cannot be read is failing.
 */
final class SubsystemWatch implements AutoCloseable {

    /** As often as appendix A's chk_haproxy is run at the least ({@code interval 2}), and cheaper. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = System.getLogger(SubsystemWatch.class.getName());

    private final VrrpEngine.SubsystemLookup lookup;
    private final BiConsumer<String, Boolean> changed;
    private final ScheduledExecutorService executor;
    /** Touched only on the executor's thread. */
    private final Map<String, Boolean> told = new HashMap<>();
    private volatile Set<String> names = Set.of();
    private volatile boolean started;

    SubsystemWatch(VrrpEngine.SubsystemLookup lookup, BiConsumer<String, Boolean> changed, String threadName) {
        this.lookup = lookup;
        this.changed = changed;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads every {@link #INTERVAL} from now on; until then only {@link #poll()} reads. */
    void start() {
        started = true;
        executor.scheduleWithFixedDelay(this::poll, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches the subsystems the instances of {@code config} track from now on. */
    void configure(VrrpConfig config) {
        Set<String> next = new LinkedHashSet<>();
        config.instances().forEach(i -> i.trackSubsystems().stream().map(TrackedSubsystem::name).forEach(next::add));
        names = Set.copyOf(next);
        if (started) {
            executor.execute(this::poll); // a newly tracked subsystem is read now, not an interval later
        }
    }

    /** One round of reads; package-private so that tests run it without a timer. */
    void poll() {
        Set<String> watched = names;
        told.keySet().retainAll(watched);
        for (String name : watched) {
            boolean good = healthy(name);
            Boolean before = told.put(name, good);
            if (before == null || before != good) {
                LOG.log(before == null ? Level.DEBUG : Level.INFO,
                        "track_subsystem " + name + " " + (good ? "healthy" : "failing"));
                changed.accept(name, good);
            }
        }
    }

    private boolean healthy(String name) {
        try {
            return lookup.status(name).map(SubsystemStatus::state)
                    .map(state -> state == SubsystemState.ACTIVE || state == SubsystemState.DEGRADED).orElse(false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "track_subsystem " + name + ": status cannot be read: " + e);
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
