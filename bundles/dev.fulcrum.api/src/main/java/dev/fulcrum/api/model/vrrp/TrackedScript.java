package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * keepalived.conf(5) {@code track_script { <SCRIPT_NAME> [weight <-253..253>] }}: a weight here
 * overrides the vrrp_script's own weight.
 */
public record TrackedScript(String name, OptionalInt weight) {

    public TrackedScript {
        Checks.name("name", name);
        Objects.requireNonNull(weight, "weight");
        weight.ifPresent(w -> Checks.range("weight", w, -253, 253));
    }
}
