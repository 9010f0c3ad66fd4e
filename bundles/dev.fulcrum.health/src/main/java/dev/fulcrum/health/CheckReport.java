package dev.fulcrum.health;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One check's result as the target's statistics show it (HAProxy management.txt 9.1:
 * {@code check_status}, {@code check_code}, {@code check_duration}, {@code last_chk},
 * {@code check_health}, {@code chkfail}), reported after every check, whether or not the verdict
 * changed.
 *
 * @param outcome   what the check found
 * @param health    HAProxy's health counter after the check, from 0 to rise + fall - 1; empty
 *                  for checks that keep none (keepalived)
 * @param failedWhileUp a failed check that found the target up or rising: what HAProxy counts in
 *                  {@code chkfail} ("Only counts checks failed when the server is up")
 */
public record CheckReport(CheckOutcome outcome, OptionalInt health, boolean failedWhileUp) {

    public CheckReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(health, "health");
    }
}
