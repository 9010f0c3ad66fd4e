package dev.fulcrum.health;

import org.osgi.annotation.versioning.ProviderType;

/** Starts health checks. Implemented by this bundle as a DS service. */
@ProviderType
public interface HealthService {

    /**
     * Starts checking a target; the first check runs at once (HAProxy) or after {@code warmup}
     * (keepalived). The monitor's initial state is UP, or DOWN with keepalived {@code alpha}.
     */
    HealthMonitor start(CheckTarget target, CheckSpec spec, HealthListener listener);
}
