package dev.fulcrum.health;

import org.osgi.annotation.versioning.ProviderType;

/** The running checks of one target. */
@ProviderType
public interface HealthMonitor {

    CheckTarget target();

    /** The current verdict. */
    HealthState state();

    /**
     * Replaces the check specification; the current verdict is kept and the next check runs with
     * the new settings.
     */
    void reconfigure(CheckSpec spec);

    /**
     * Stops checking. With keepalived {@code omega} a target that is UP is reported DOWN (and its
     * notify_down script run) before this returns.
     */
    void stop();
}
