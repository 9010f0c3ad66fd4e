package dev.fulcrum.health;

/** Whether a target takes traffic according to its checks. */
public enum HealthState {
    UP,
    DOWN
}
