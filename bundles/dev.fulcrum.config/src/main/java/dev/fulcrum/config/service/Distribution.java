package dev.fulcrum.config.service;

import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands revisions to reconcilers. Every change (a reconciler bound or unbound, a new current
 * revision) is a task on the injected executor, which must run tasks one at a time in order (a
 * single-thread executor in the runtime). All state but the results is confined to that thread, so
 * a reconciler bound while a revision is published gets each revision exactly once, in the order
 * they became current, and never two calls at once.
 */
final class Distribution {

    private final Executor executor;
    /** Confined to the executor's thread. */
    private final List<Reconciler> bound = new ArrayList<>();
    /** Confined to the executor's thread. */
    private Revision current;
    /** Written on the executor's thread, read by anyone. */
    private final Map<String, SubsystemRevision> results = new ConcurrentHashMap<>();
    private volatile int boundCount;

    Distribution(Executor executor) {
        this.executor = executor;
    }

    /** A new reconciler: it catches up with the current revision, if there is one. */
    void bind(Reconciler reconciler) {
        submit(() -> {
            bound.add(reconciler);
            boundCount = bound.size();
            if (current != null) {
                handTo(reconciler, current);
            }
        });
    }

    /** A reconciler went away: its result goes too, unless another reconciler of that name is bound. */
    void unbind(Reconciler reconciler) {
        submit(() -> {
            bound.removeIf(candidate -> candidate == reconciler);
            boundCount = bound.size();
            String name = safeName(reconciler);
            if (bound.stream().noneMatch(other -> name.equals(safeName(other)))) {
                results.remove(name);
            }
        });
    }

    /** The revision that is current now (after an apply or a rollback) goes to every bound reconciler. */
    void publish(Revision revision) {
        submit(() -> {
            current = revision;
            for (Reconciler reconciler : List.copyOf(bound)) {
                handTo(reconciler, revision);
            }
        });
    }

    /** Per reconciler name, the last revision handed to it and its result; sorted by name. */
    Map<String, SubsystemRevision> results() {
        return new TreeMap<>(results);
    }

    /** The names of reconcilers that failed the given revision, sorted. */
    List<String> failedAt(long revision) {
        return results().values().stream().filter(r -> r.revision() == revision && !r.applied())
                .map(SubsystemRevision::subsystem).toList();
    }

    /** How many reconcilers are bound (as far as the executor has got). */
    int reconcilerCount() {
        return boundCount;
    }

    /**
     * Queues a task. Once the executor is shut down (the component is deactivating, and SCR unbinds
     * after that) the task is dropped: there is nobody left to hand revisions to.
     */
    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            // deliberately ignored, see above
        }
    }

    /** A reconciler's exception becomes its failed result: one bad subsystem never stops the others. */
    private void handTo(Reconciler reconciler, Revision revision) {
        String name = safeName(reconciler);
        ReconcileResult result;
        try {
            result = Optional.ofNullable(reconciler.reconcile(revision)).orElseGet(() -> ReconcileResult.failed(
                    ReconcileError.RECONCILER_EXCEPTION, name + " returned no result for revision " + revision.number()));
        } catch (RuntimeException | LinkageError e) {
            result = ReconcileResult.failed(ReconcileError.RECONCILER_EXCEPTION,
                    name + " threw on revision " + revision.number() + ": " + e);
        }
        results.put(name, SubsystemRevision.of(name, revision.number(), result));
    }

    private static String safeName(Reconciler reconciler) {
        try {
            return String.valueOf(reconciler.name());
        } catch (RuntimeException e) {
            return reconciler.getClass().getName();
        }
    }
}
