package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a revision directory, for one open store at a time per machine.
 *
 * <p>{@code FileChannel.tryLock} is an fcntl(2) record lock on Linux. The kernel drops such a lock
 * when its process dies (so a SIGKILLed Fulcrum never leaves a stale lock), but fcntl(2) also says:
 * "If a process closes any file descriptor referring to a file, then all of the process's locks on
 * that file are released, regardless of the file descriptor(s) on which the locks were obtained."
 * The JDK detects a second lock inside the same JVM (OverlappingFileLockException, from a JVM-wide
 * table that survives such a close) but the second opener must then close its channel, and that
 * close silently drops the first store's kernel lock: another process could then open the
 * directory too.
 *
 * <p>Hence two files. {@code jvm.lock} only answers "is it open in this JVM?" through the JDK's
 * table; its kernel lock may be dropped by a failed in-JVM opener, which is harmless. The kernel lock
 * on {@code store.lock} excludes other processes, and only a store that got past {@code jvm.lock}
 * ever opens {@code store.lock}, so no in-JVM close can drop it. The holder's pid is written into
 * {@code store.lock} for the error message of the next would-be opener.
 */
final class StoreLock implements AutoCloseable {

    private final FileChannel jvmChannel;
    private final FileChannel processChannel;

    private StoreLock(FileChannel jvmChannel, FileChannel processChannel) {
        this.jvmChannel = jvmChannel;
        this.processChannel = processChannel;
    }

    static StoreLock acquire(Path directory) throws IOException {
        FileChannel jvm = open(directory.resolve(RevisionLayout.JVM_LOCK));
        FileChannel process = null;
        try {
            if (jvm.tryLock() == null) {
                throw new StoreLockedException(directory, "another process" + holder(directory));
            }
            process = open(directory.resolve(RevisionLayout.PROCESS_LOCK));
            if (process.tryLock() == null) {
                throw new StoreLockedException(directory, "another process" + holder(directory));
            }
            process.truncate(0);
            process.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new StoreLock(jvm, process);
        } catch (OverlappingFileLockException e) {
            StoreLockedException locked = new StoreLockedException(directory, "another open store in this JVM");
            closeQuietly(process, locked);
            closeQuietly(jvm, locked);
            throw locked;
        } catch (IOException | RuntimeException e) {
            closeQuietly(process, e);
            closeQuietly(jvm, e);
            throw e;
        }
    }

    /** Closing the channels releases both locks. */
    @Override
    public void close() throws IOException {
        try (jvmChannel) {
            processChannel.close();
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * The pid the holder wrote, for the error message. Opening {@code store.lock} here is safe: this
     * JVM holds no lock on it, or {@code jvm.lock} would have been refused as overlapping.
     */
    private static String holder(Path directory) {
        try (FileChannel channel = FileChannel.open(directory.resolve(RevisionLayout.PROCESS_LOCK),
                StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
