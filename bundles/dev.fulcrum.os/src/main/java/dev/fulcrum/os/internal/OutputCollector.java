package dev.fulcrum.os.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains one output pipe of a child process on its own thread. Reading stdout and stderr
 * concurrently is what keeps a chatty program from blocking on a full pipe (64 KiB on Linux,
 * see pipe(7)) while the runner waits for it to exit.
 */
final class OutputCollector {

    /**
     * Output kept per stream. Beyond it the pipe is still drained (so the program never blocks)
     * but the bytes are dropped: a runaway program must not exhaust the JVM heap.
     */
    static final int DEFAULT_LIMIT = 32 * 1024 * 1024;

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private long dropped;
    private IOException failure;

    private OutputCollector(InputStream in, String threadName, int limit) {
        this.in = in;
        this.limit = limit;
        this.thread = new Thread(this::drain, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts draining {@code in} on a new daemon thread. */
    static OutputCollector start(InputStream in, String threadName) {
        return start(in, threadName, DEFAULT_LIMIT);
    }

    static OutputCollector start(InputStream in, String threadName, int limit) {
        OutputCollector collector = new OutputCollector(in, threadName, limit);
        collector.thread.start();
        return collector;
    }

    private void drain() {
        byte[] chunk = new byte[8192];
        try (InputStream stream = in) {
            int n;
            while ((n = stream.read(chunk)) >= 0) {
                append(chunk, n);
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        }
    }

    private synchronized void append(byte[] chunk, int n) {
        int room = Math.max(0, limit - kept.size());
        int keep = Math.min(room, n);
        kept.write(chunk, 0, keep);
        dropped += n - keep;
    }

    /**
     * Waits until the pipe reaches end of file. It does not when a background child inherited
     * the pipe and still holds it open; the caller then takes what has arrived so far.
     */
    boolean await(Duration limit) throws InterruptedException {
        thread.join(Math.max(1, limit.toMillis()));
        return !thread.isAlive();
    }

    /** What has arrived so far, decoded as UTF-8 (malformed bytes become U+FFFD). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized long droppedBytes() {
        return dropped;
    }

    synchronized IOException failure() {
        return failure;
    }
}
