package dev.fulcrum.api.host;

import org.osgi.annotation.versioning.ProviderType;

/** Finds out what this machine lets Fulcrum do. Implemented by {@code dev.fulcrum.os}. */
@ProviderType
public interface CapabilityProbe {

    /** Probes now (cheap: a few files under /proc and /sys, at most one short program run). */
    HostCapabilities probe();
}
