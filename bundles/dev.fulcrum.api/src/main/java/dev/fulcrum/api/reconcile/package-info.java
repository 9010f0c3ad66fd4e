/**
 * The apply pipeline's contract: one configuration service owns the revisions (validate, persist,
 * activate, roll back) and hands the current one to every {@link dev.fulcrum.api.reconcile.Reconciler},
 * which reports per revision whether it applied it. A reconciler that registers late is handed the
 * current revision at once, so a hot-swapped subsystem catches up without help.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.api.reconcile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
