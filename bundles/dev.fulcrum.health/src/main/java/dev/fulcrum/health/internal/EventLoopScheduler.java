package dev.fulcrum.health.internal;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A monitor's thread: one Netty event loop, whose own timer wheel runs the check intervals. */
record EventLoopScheduler(EventLoop loop) implements Scheduler {

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public boolean inThread() {
        return loop.inEventLoop();
    }
}
