package dev.fulcrum.it.refusing;

import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import org.osgi.service.component.annotations.Component;

/** A test subsystem that fails every revision with a typed error, as a subsystem without its kernel would. */
@Component(service = Reconciler.class)
public class RefusingReconciler implements Reconciler {

    public static final String NAME = "it-refusing";
    public static final String CODE = "it.refused";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReconcileResult reconcile(Revision revision) {
        return ReconcileResult.failed(CODE, NAME + " refuses revision " + revision.number());
    }
}
