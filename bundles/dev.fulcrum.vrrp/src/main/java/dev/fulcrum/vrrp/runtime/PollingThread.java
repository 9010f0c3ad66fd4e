package dev.fulcrum.vrrp.runtime;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * A daemon thread that repeats one blocking step (a poll of a descriptor with a timeout) until
 * stopped. A step that fails is logged and followed by a pause of one poll, so that a persistent
 * error does not spin the CPU; the timeout bounds how long {@link #stop} waits.
 */
final class PollingThread {

    private static final Logger LOG = System.getLogger(PollingThread.class.getName());

    /** One round: wait at most {@code timeout} for something to handle, and handle it. */
    interface Step {
        void run(Duration timeout) throws IOException;
    }

    private final Duration poll;
    private final Step step;
    private final Thread thread;
    private volatile boolean running = true;

    PollingThread(String name, Duration poll, Step step) {
        this.poll = poll;
        this.step = step;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                step.run(poll);
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, thread.getName() + ": " + e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and waits for it (a few polls at most): then its descriptor may be closed. */
    void stop() {
        running = false;
        try {
            thread.join(poll.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
