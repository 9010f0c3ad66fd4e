package dev.fulcrum.api.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * A revision in the history, without its state.
 *
 * @param current whether this is the revision the reconcilers are handed now
 */
public record RevisionInfo(long number, Instant created, String comment, boolean current) {

    public RevisionInfo {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(comment, "comment");
    }
}
