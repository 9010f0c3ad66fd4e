package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;

/**
 * keepalived.conf(5) {@code track_interface { <IF> [weight <-253..253>] }}: weight 0 (the default)
 * means the instance goes to FAULT when the interface is down.
 */
public record TrackedInterface(String name, int weight) {

    public TrackedInterface {
        Checks.name("name", name);
        Checks.range("weight", weight, -253, 253);
    }
}
