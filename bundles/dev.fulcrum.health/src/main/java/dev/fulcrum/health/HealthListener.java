package dev.fulcrum.health;

/** Receives a monitor's state changes, in order, on the monitor's thread: return quickly. */
@FunctionalInterface
public interface HealthListener {

    void stateChanged(HealthEvent event);

    /**
     * Every check's result, before the state change it may cause; for statistics. Listeners that
     * care only about verdicts leave it alone.
     */
    default void checked(CheckReport report) {
    }
}
