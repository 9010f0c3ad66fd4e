package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable history of configuration revisions and which one is current: the desired state every
 * subsystem reconciles. An apply runs: validate (outside the store) -> {@link #append} persists the
 * revision -> {@link #activate} switches {@code current} -> the caller hands the revision to the
 * reconcilers. {@link #appendAndActivate} does the middle two. Each step is durable before it
 * returns, and a crash between them leaves the previous revision current with the new one in the
 * history.
 *
 * <p>One writer: the methods are synchronized, and {@link #open} takes a lock that keeps other
 * processes (and other stores in this JVM) out of the directory until {@link #close}. See
 * {@code package-info} for the files.
 */
public final class RevisionStore implements AutoCloseable {

    public static final int DEFAULT_HISTORY = 50;

    private final RevisionFiles files;
    private final StoreLock lock;
    private final InstantSource clock;
    private final int keepNewest;
    private final NavigableMap<Long, RevisionHeader> index;
    private final List<StoreProblem> recoveryProblems;
    private final Map<Path, StoreProblem> pruneProblems = new LinkedHashMap<>();
    private long current;
    private long highestNumber;
    private boolean closed;

    private RevisionStore(RevisionFiles files, StoreLock lock, InstantSource clock, int keepNewest,
            StoreRecovery.Result recovered) {
        this.files = files;
        this.lock = lock;
        this.clock = clock;
        this.keepNewest = keepNewest;
        this.index = recovered.index();
        this.recoveryProblems = List.copyOf(recovered.problems());
        this.current = recovered.current();
        this.highestNumber = recovered.highestNumber();
    }

    /** Where the revisions of a Fulcrum state directory live: {@code <state>/config/revisions}. */
    public static Path directoryIn(Path stateDirectory) {
        return stateDirectory.resolve("config").resolve("revisions");
    }

    public static RevisionStore open(Path directory, InstantSource clock) throws IOException {
        return open(directory, clock, DEFAULT_HISTORY);
    }

    /**
     * Opens (creating it if needed) and recovers a revision directory; see {@link #recoveryProblems()}.
     *
     * @param keepNewest how many of the newest revisions to keep (the current one is kept besides)
     * @throws StoreLockedException when the directory is in use
     * @throws IOException          when the directory cannot be created, locked or listed
     */
    public static RevisionStore open(Path directory, InstantSource clock, int keepNewest) throws IOException {
        Objects.requireNonNull(clock, "clock");
        if (keepNewest < 1) {
            throw new IllegalArgumentException("history must keep at least 1 revision, got " + keepNewest);
        }
        Path absolute = directory.toAbsolutePath().normalize();
        DurableFiles.createDirectory(absolute);
        StoreLock lock = StoreLock.acquire(absolute);
        try {
            RevisionFiles files = new RevisionFiles(absolute);
            StoreRecovery.Result recovered = StoreRecovery.recover(files);
            if (recovered.pointerRepair()) {
                files.writePointer(recovered.current());
            }
            return new RevisionStore(files, lock, clock, keepNewest, recovered);
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Persists a new revision numbered one above every number used so far; {@code current} stays. */
    public synchronized RevisionHeader append(RevisionContent content, String comment) throws IOException {
        RevisionHeader appended = persist(content, comment);
        prune();
        return appended;
    }

    /** {@link #append} then {@link #activate}: the usual apply. */
    public synchronized RevisionHeader appendAndActivate(RevisionContent content, String comment) throws IOException {
        RevisionHeader appended = persist(content, comment);
        switchTo(appended.number());
        return appended;
    }

    /**
     * Makes an existing revision current: a rollback or roll-forward. Only the pointer changes; the
     * history stays as it is. The revision file is verified before the switch.
     *
     * @throws NoSuchRevisionException  when the store does not hold that revision
     * @throws CorruptRevisionException when its file has been damaged since the store was opened
     */
    public synchronized RevisionHeader activate(long number) throws NoSuchRevisionException, IOException {
        checkOpen();
        if (!index.containsKey(number)) {
            throw new NoSuchRevisionException(number, describeHeld());
        }
        RevisionHeader header = files.read(number).header();
        switchTo(number);
        return header;
    }

    /** The current revision, read and verified, or empty when none was ever activated. */
    public synchronized Optional<Revision> current() throws IOException {
        checkOpen();
        return current == 0 ? Optional.empty() : Optional.of(files.read(current));
    }

    public synchronized OptionalLong currentNumber() {
        checkOpen();
        return current == 0 ? OptionalLong.empty() : OptionalLong.of(current);
    }

    /** A revision, read and verified, or empty when the store does not hold it. */
    public synchronized Optional<Revision> get(long number) throws IOException {
        checkOpen();
        return index.containsKey(number) ? Optional.of(files.read(number)) : Optional.empty();
    }

    /** The headers of every intact revision held, newest first. */
    public synchronized List<RevisionHeader> list() {
        checkOpen();
        return List.copyOf(index.descendingMap().values());
    }

    /** What {@link #open} found damaged or left over and worked around; empty after a clean shutdown. */
    public List<StoreProblem> recoveryProblems() {
        return recoveryProblems;
    }

    /** Old revisions that the last trims could not delete (each is retried at every trim). */
    public synchronized List<StoreProblem> pruneProblems() {
        return List.copyOf(pruneProblems.values());
    }

    public Path directory() {
        return files.directory();
    }

    /** Releases the lock. Everything written is already durable. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }

    private RevisionHeader persist(RevisionContent content, String comment) throws IOException {
        checkOpen();
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(comment, "comment");
        Revision revision = RevisionCodec.newRevision(highestNumber + 1, clock.instant(), comment, content);
        files.write(revision);
        highestNumber = revision.number();
        index.put(revision.number(), revision.header());
        return revision.header();
    }

    /** Durably points {@code current} at a held revision, then trims the history. */
    private void switchTo(long number) throws IOException {
        if (number != current) {
            files.writePointer(number);
            current = number;
        }
        prune();
    }

    /**
     * Trims the history once the new state is durable. Never throws: the write that preceded it has
     * succeeded. A file that cannot be deleted is reported and stays in the index, so the next trim
     * retries it.
     */
    private void prune() {
        List<Long> doomed = HistoryPolicy.toDelete(index.navigableKeySet(), current, keepNewest);
        if (doomed.isEmpty()) {
            return;
        }
        for (long number : doomed) {
            Path path = files.revisionPath(number);
            try {
                files.delete(number);
                index.remove(number);
                pruneProblems.remove(path);
            } catch (IOException e) {
                pruneProblems.put(path, new StoreProblem(StoreProblem.Kind.PRUNE_FAILED, path, describe(e)));
            }
        }
        // A deletion lost to a power cut only brings an old revision back, to be trimmed next time.
        Path directory = files.directory();
        try {
            files.syncDirectory();
            pruneProblems.remove(directory);
        } catch (IOException e) {
            pruneProblems.put(directory, new StoreProblem(StoreProblem.Kind.PRUNE_FAILED, directory, describe(e)));
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private String describeHeld() {
        if (index.isEmpty()) {
            return "no revisions";
        }
        return index.size() + " revisions, " + index.firstKey() + ".." + index.lastKey()
                + (index.size() == index.lastKey() - index.firstKey() + 1 ? "" : " with gaps");
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("revision store " + files.directory() + " is closed");
        }
    }
}
