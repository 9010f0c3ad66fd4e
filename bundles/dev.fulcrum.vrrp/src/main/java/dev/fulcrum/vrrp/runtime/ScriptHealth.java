package dev.fulcrum.vrrp.runtime;

/**
 * The state of one keepalived.conf(5) {@code vrrp_script}: it turns bad after {@code fall}
 * failed runs in a row and good again after {@code rise} successful ones; {@code init_fail}
 * makes it start bad. Pure: the tracker feeds it each run's outcome.
 */
final class ScriptHealth {

    private final int rise;
    private final int fall;
    private boolean good;
    private int streak;

    ScriptHealth(int rise, int fall, boolean initFail) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1: rise " + rise + ", fall " + fall);
        }
        this.rise = rise;
        this.fall = fall;
        this.good = !initFail;
    }

    boolean good() {
        return good;
    }

    /** Records one run; true when that run changed {@link #good()}. */
    boolean record(boolean succeeded) {
        if (succeeded == good) {
            streak = 0; // a run that agrees with the current state restarts the count towards a change
            return false;
        }
        streak++;
        if (streak >= (good ? fall : rise)) {
            good = !good;
            streak = 0;
            return true;
        }
        return false;
    }
}
