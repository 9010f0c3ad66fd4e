package dev.fulcrum.vrrp.net;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An inotify(7) descriptor watching directories for the events keepalived watches a track file's
 * directory for (vrrp_track.c): a file written and closed (IN_CLOSE_WRITE; a write still in
 * progress is not an event, so a half-written file is never read), moved in or out, or deleted.
 * Read by one thread; watches may be added and removed from another.
 */
public final class Inotify implements AutoCloseable {

    /** linux/inotify.h IN_NONBLOCK / IN_CLOEXEC, as O_NONBLOCK / O_CLOEXEC. */
    private static final int IN_NONBLOCK = 0x800;
    private static final int IN_CLOEXEC = 0x80000;
    /** linux/inotify.h: only watch the path if it is a directory. */
    private static final int IN_ONLYDIR = 0x01000000;
    private static final int MASK = InotifyEvent.IN_CLOSE_WRITE | InotifyEvent.IN_MOVED_FROM
            | InotifyEvent.IN_MOVED_TO | InotifyEvent.IN_DELETE | IN_ONLYDIR;
    /** inotify(7): enough for at least one event with the longest name (NAME_MAX 255). */
    private static final int BUFFER = 64 * 1024;

    private final NativeCalls calls;
    private final int fd;
    private final byte[] buffer = new byte[BUFFER];
    private volatile boolean closed;

    private Inotify(NativeCalls calls, int fd) {
        this.calls = calls;
        this.fd = fd;
    }

    public static Inotify open() throws IOException {
        NativeCalls calls = new NativeCalls(VrrpLibC.load());
        int fd = calls.libc().inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd < 0) {
            throw calls.failure("inotify_init1");
        }
        return new Inotify(calls, fd);
    }

    /** Watches {@code directory}; returns the watch descriptor (the same one for a directory watched already). */
    public int watch(Path directory) throws IOException {
        int watch = calls.libc().inotify_add_watch(fd, directory.toString(), MASK);
        if (watch < 0) {
            throw calls.failure("inotify_add_watch " + directory);
        }
        return watch;
    }

    public void unwatch(int watch) {
        calls.libc().inotify_rm_watch(fd, watch); // fails only if already gone (IN_IGNORED)
    }

    /** The events that came within {@code timeout}; empty when none did or the descriptor was closed. */
    public List<InotifyEvent> next(Duration timeout) throws IOException {
        if (closed || !calls.readable(fd, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())) || closed) {
            return List.of();
        }
        long length = calls.libc().read(fd, buffer, buffer.length);
        if (length < 0) {
            if (Native.getLastError() == VrrpLibC.EAGAIN) {
                return List.of();
            }
            throw calls.failure("read inotify");
        }
        return InotifyEvent.decode(buffer, (int) length);
    }

    /** Closes the descriptor; call it when no thread is in {@link #next} any more. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            calls.libc().close(fd);
        }
    }
}
