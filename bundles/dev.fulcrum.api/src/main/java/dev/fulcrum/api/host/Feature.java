package dev.fulcrum.api.host;

import java.util.Objects;

/**
 * Whether one kernel or user-space feature is usable, and the evidence.
 *
 * @param available true when Fulcrum can use the feature now (or load it on demand)
 * @param detail    what the probe found, e.g. "module ip_vs loaded" or "CONFIG_IP_VS not set:
 *                  no ip_vs module for kernel 6.18.0"
 */
public record Feature(boolean available, String detail) {
    public Feature {
        Objects.requireNonNull(detail, "detail");
    }

    public static Feature available(String detail) {
        return new Feature(true, detail);
    }

    public static Feature missing(String detail) {
        return new Feature(false, detail);
    }
}
