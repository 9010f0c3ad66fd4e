package dev.fulcrum.health;

/** Receives a monitor's state changes, in order, on the monitor's thread: return quickly. */
@FunctionalInterface
public interface HealthListener {

    void stateChanged(HealthEvent event);
}
