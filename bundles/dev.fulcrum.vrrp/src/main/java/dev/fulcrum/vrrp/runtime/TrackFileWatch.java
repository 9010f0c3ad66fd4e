package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.vrrp.net.Inotify;
import dev.fulcrum.vrrp.net.InotifyEvent;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ObjIntConsumer;

/**
 * keepalived.conf(5) "Track files: the file will be read whenever it is modified": watches the
 * directory of every track_file that an instance or sync group tracks with inotify, as keepalived
 * does, and tells {@code changed} each new value (the first read of a file is always told). A file is
 * read when a writer closes it, is moved in or out, or is deleted, so a change is seen when it is
 * made, not at the next advert, and a half-written file is never read. (The JDK's WatchService was
 * tried first: it reports every write, and {@code echo 5 > FILE} was read empty, as 0, in between.)
 * A directory that cannot be watched is logged and its files are read only on configuration. The
 * initial value of a new or changed track_file is written here ({@code init_file}).
 */
final class TrackFileWatch implements AutoCloseable {

    private static final Logger LOG = System.getLogger(TrackFileWatch.class.getName());
    /** How often the thread looks whether it should stop; events wake it at once. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final ObjIntConsumer<String> changed;
    private final Inotify inotify;
    private final PollingThread thread;
    /** Guarded by this: the tracked files by name, their values as last told, the watched directories. */
    private Map<String, VrrpTrackFile> files = Map.of();
    private final Map<String, Integer> told = new HashMap<>();
    private final Map<Integer, Path> directories = new HashMap<>();

    TrackFileWatch(ObjIntConsumer<String> changed, String threadName) throws IOException {
        this.changed = changed;
        this.inotify = Inotify.open();
        this.thread = new PollingThread(threadName, POLL, timeout -> inotify.next(timeout).forEach(this::happened));
        thread.start();
    }

    /**
     * Tracks the files that the instances and sync groups of {@code config} use (keepalived reads no
     * other); a new or changed definition gets its init_file and is read now.
     */
    synchronized void configure(VrrpConfig config) {
        Map<String, VrrpTrackFile> next = new LinkedHashMap<>();
        config.instances().forEach(i -> i.trackFiles().forEach(t -> used(config, t, next)));
        config.syncGroups().forEach(g -> g.trackFiles().forEach(t -> used(config, t, next)));
        Map<String, VrrpTrackFile> previous = files;
        files = Map.copyOf(next);
        told.keySet().retainAll(next.keySet());
        for (VrrpTrackFile file : next.values()) {
            if (!file.equals(previous.get(file.name()))) {
                file.init().ifPresent(init -> TrackFileInit.apply(file, init));
                told.remove(file.name());
                watch(path(file).getParent());
                read(file);
            }
        }
        directories.entrySet().removeIf(entry -> {
            boolean unused = files.values().stream().noneMatch(f -> entry.getValue().equals(path(f).getParent()));
            if (unused) {
                inotify.unwatch(entry.getKey());
            }
            return unused;
        });
    }

    private static void used(VrrpConfig config, TrackedFile tracked, Map<String, VrrpTrackFile> into) {
        config.trackFile(tracked.name()).ifPresent(f -> into.put(f.name(), f));
    }

    private static Path path(VrrpTrackFile file) {
        return Path.of(file.file()).toAbsolutePath().normalize();
    }

    private void watch(Path directory) {
        if (directory == null || directories.containsValue(directory)) {
            return;
        }
        try {
            directories.put(inotify.watch(directory), directory);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "track_file: cannot watch " + directory + " (" + e.getMessage()
                    + "); its files are read only when the configuration changes");
        }
    }

    /** Reads the file and tells its value when it is new; a number out of range keeps the old one. */
    private void read(VrrpTrackFile file) {
        OptionalInt value = TrackFileValue.read(path(file));
        if (value.isEmpty()) {
            LOG.log(Level.INFO, "track_file " + file.name() + ": invalid number in " + file.file() + " - ignoring");
            return;
        }
        Integer before = told.put(file.name(), value.getAsInt());
        if (before == null || before != value.getAsInt()) {
            changed.accept(file.name(), value.getAsInt()); // told before the log line: the reaction waits for no I/O
            LOG.log(before == null ? Level.DEBUG : Level.INFO,
                    "track_file " + file.name() + " (" + file.file() + ") now " + value.getAsInt());
        }
    }

    /** One event: the file it names, or every file when events were lost (IN_Q_OVERFLOW). */
    private synchronized void happened(InotifyEvent event) {
        if (event.is(InotifyEvent.IN_Q_OVERFLOW)) {
            files.values().forEach(this::read);
            return;
        }
        Path directory = directories.get(event.watch());
        if (event.is(InotifyEvent.IN_IGNORED)) {
            directories.remove(event.watch()); // the directory is gone: its files read 0 from now on
            files.values().stream().filter(f -> path(f).getParent().equals(directory)).forEach(this::read);
            return;
        }
        if (directory == null || event.name().isEmpty()) {
            return;
        }
        Path named = directory.resolve(event.name());
        files.values().stream().filter(f -> path(f).equals(named)).forEach(this::read);
    }

    /** Stops the thread, then closes the descriptor (never while the thread may still poll it). */
    @Override
    public void close() {
        thread.stop();
        inotify.close();
    }
}
