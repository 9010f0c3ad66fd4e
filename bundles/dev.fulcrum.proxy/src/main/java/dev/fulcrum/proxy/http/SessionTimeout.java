package dev.fulcrum.proxy.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A connection's one pending timeout, re-armed several times per request ({@code timeout server}
 * restarts with each piece of the response, {@code timeout http-keep-alive} between requests). A
 * re-arm only moves the deadline: the scheduled task, when it finds itself early, schedules itself
 * again for the rest. A kept-alive request then costs no scheduled task in the common case instead
 * of one queue insertion and removal per re-arm. Time is the loop's ticker (frozen in tests).
 * Called on the loop only.
 */
final class SessionTimeout {

    private final Channel channel;
    private Runnable action;
    private long deadline;
    private ScheduledFuture<?> scheduled;
    private long scheduledAt;

    /** @param channel whose loop runs the timeout */
    SessionTimeout(Channel channel) {
        this.channel = channel;
    }

    /** Runs {@code onExpiry} after {@code delay} unless re-armed or cancelled before. */
    void arm(Duration delay, Runnable onExpiry) {
        deadline = channel.eventLoop().ticker().nanoTime() + delay.toNanos();
        action = onExpiry;
        if (scheduled != null && scheduledAt > deadline) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (scheduled == null) {
            schedule();
        }
    }

    /** Disarms; the task already scheduled, if any, stays and later finds nothing to do. */
    void cancel() {
        action = null;
    }

    /** Disarms and removes the scheduled task: the connection is done. */
    void stop() {
        action = null;
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    private void schedule() {
        EventLoop loop = channel.eventLoop();
        scheduledAt = deadline;
        scheduled = loop.schedule(this::fire, deadline - loop.ticker().nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        scheduled = null;
        if (action == null) {
            return;
        }
        if (channel.eventLoop().ticker().nanoTime() < deadline) {
            schedule();
            return;
        }
        Runnable expired = action;
        action = null;
        expired.run();
    }
}
