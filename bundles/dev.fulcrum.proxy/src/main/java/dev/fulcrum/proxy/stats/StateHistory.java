package dev.fulcrum.proxy.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * When a server's or backend's state last changed and how long it has been down, for the
 * {@code lastchg}, {@code downtime} and {@code chkdown} columns (management.txt 9.1: "number of
 * seconds since the last UP&lt;-&gt;DOWN transition", "total downtime (in seconds)", "number of
 * UP-&gt;DOWN transitions"). State changes are rare: plain synchronization is enough.
 */
public final class StateHistory {

    private Instant lastChange;
    private boolean down;
    private Duration downBefore = Duration.ZERO;
    private long transitionsToDown;

    public StateHistory(Instant start) {
        this.lastChange = start;
    }

    /** Records the state now; only a change of up/down counts. */
    public synchronized void record(boolean isDown, Instant now) {
        if (isDown == down) {
            return;
        }
        if (down) {
            downBefore = downBefore.plus(Duration.between(lastChange, now));
        } else {
            transitionsToDown++;
        }
        down = isDown;
        lastChange = now;
    }

    public synchronized long secondsSinceChange(Instant now) {
        return Duration.between(lastChange, now).toSeconds();
    }

    public synchronized long downtimeSeconds(Instant now) {
        Duration total = down ? downBefore.plus(Duration.between(lastChange, now)) : downBefore;
        return total.toSeconds();
    }

    public synchronized long transitionsToDown() {
        return transitionsToDown;
    }
}
