package dev.fulcrum.it.reconciler;

import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * The test subsystem: applies every revision and records its number. It is also published as a JDK
 * Supplier, so the test reads what it received without sharing a package with it.
 */
@Component(service = {Reconciler.class, Supplier.class}, property = "fulcrum.it=" + RecordingReconciler.NAME)
public class RecordingReconciler implements Reconciler, Supplier<List<Long>> {

    public static final String NAME = "it-recorder";

    private final List<Long> received = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReconcileResult reconcile(Revision revision) {
        received.add(revision.number());
        return ReconcileResult.applied();
    }

    @Override
    public List<Long> get() {
        return List.copyOf(received);
    }
}
