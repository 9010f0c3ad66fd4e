package dev.fulcrum.api.reconcile;

import dev.fulcrum.api.model.DesiredState;
import java.time.Instant;
import java.util.Objects;

/**
 * One configuration revision as reconcilers see it.
 *
 * @param number  1, 2, 3, ... in the order revisions were stored; a rollback makes an older number current
 * @param state   what the box should do
 * @param created when the revision was stored
 * @param comment the author's short note, may be empty
 */
public record Revision(long number, DesiredState state, Instant created, String comment) {

    public Revision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(comment, "comment");
        if (number < 1) {
            throw new IllegalArgumentException("revision numbers start at 1, got " + number);
        }
    }
}
