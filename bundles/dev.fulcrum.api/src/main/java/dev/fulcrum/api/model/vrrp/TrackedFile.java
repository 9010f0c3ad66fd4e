package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * keepalived.conf(5) {@code track_file { <NAME> [weight <-254..254> [reverse|noreverse]] }} in a
 * vrrp_instance or vrrp_sync_group: what is not given here is the track_file's own weight and
 * reverse.
 *
 * @param reverse {@code reverse} (true) or {@code noreverse} (false) after the weight; only with a weight
 */
public record TrackedFile(String name, OptionalInt weight, Optional<Boolean> reverse) {

    public TrackedFile {
        Checks.name("name", name);
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(reverse, "reverse");
        weight.ifPresent(w -> Checks.range("weight", w, -VrrpTrackFile.MAX_WEIGHT, VrrpTrackFile.MAX_WEIGHT));
        if (reverse.isPresent() && weight.isEmpty()) {
            throw new IllegalArgumentException("reverse|noreverse is written after a weight");
        }
    }

    /** A file tracked with the weight and reverse of its track_file. */
    public TrackedFile(String name) {
        this(name, OptionalInt.empty(), Optional.empty());
    }

    /** The weight this tracking applies: its own, or the track_file's. */
    public int weightIn(VrrpTrackFile file) {
        return weight.orElse(file.weight());
    }

    /** Whether this tracking reverses the value: its own choice, or the track_file's. */
    public boolean reverseIn(VrrpTrackFile file) {
        return reverse.orElse(file.reverse());
    }
}
