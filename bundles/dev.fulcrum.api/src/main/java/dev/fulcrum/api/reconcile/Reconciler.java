package dev.fulcrum.api.reconcile;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subsystem that brings the world (kernel tables, listeners, VIPs) in line with a revision.
 * Published as a service (whiteboard); the configuration service hands it the current revision as
 * soon as it is bound and every new current revision after that (an apply or a rollback).
 *
 * <p>Calls come from one configuration thread and never overlap for one reconciler, in the order the
 * revisions became current. {@link #reconcile} may take time but must return; an exception it
 * throws is recorded as a failed result with code {@link ReconcileError#RECONCILER_EXCEPTION}.
 */
@ConsumerType
public interface Reconciler {

    /** The subsystem's short stable name ("ipvs", "vrrp"); unique across the box. */
    String name();

    ReconcileResult reconcile(Revision revision);
}
