package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;

/**
 * Fulcrum's {@code track_subsystem { <SUBSYSTEM> [weight <-253..253>] }} in a vrrp_instance (not a
 * keepalived keyword): follows the status of one of Fulcrum's own subsystems, e.g. {@code proxy},
 * as {@code track_script} follows a script. The subsystem is healthy while ACTIVE or DEGRADED
 * (still serving, as {@code killall -0 haproxy} still succeeds) and failing while FAILED, INACTIVE
 * or not running. Weight 0 (none given) puts the instance in FAULT while failing; a positive weight
 * is added to the priority while healthy, a negative one while failing (keepalived.conf(5)
 * track_script weight semantics).
 *
 * @param name the subsystem's name ({@code fulcrum.subsystem} service property); never "vrrp"
 */
public record TrackedSubsystem(String name, int weight) {

    /** The subsystem that runs VRRP cannot be tracked by it. */
    public static final String SELF = "vrrp";

    public TrackedSubsystem {
        Checks.name("name", name);
        if (name.equals(SELF)) {
            throw new IllegalArgumentException("a vrrp_instance cannot track the vrrp subsystem itself");
        }
        Checks.range("weight", weight, -253, 253);
    }
}
