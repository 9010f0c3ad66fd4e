package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Atomic, durable file replacement on Linux. A reader (or a recovery after a crash or power loss)
 * sees either the old file or the complete new one, never a mix:
 *
 * <ol>
 * <li>write the bytes to {@code name.tmp} in the same directory (same file system, so the rename
 *     below is a rename and not a copy);</li>
 * <li>{@code force(true)}, i.e. fsync(2): the data and inode reach the disk before the name can
 *     point at them. Without it, ext4/xfs may commit the rename first and leave a zero-length file
 *     after a power loss;</li>
 * <li>{@code Files.move(ATOMIC_MOVE)}, i.e. rename(2): "If newpath already exists, it will be
 *     atomically replaced, so that there is no point at which another process attempting to access
 *     newpath will find it missing";</li>
 * <li>fsync(2) the directory: fsync(2) on a file "does not necessarily ensure that the entry in the
 *     directory containing the file has also reached disk. For that an explicit fsync() on a file
 *     descriptor for the directory is also needed." Java has no directory API for that, but on Linux
 *     open(2) of a directory with O_RDONLY succeeds, and {@code FileChannel.open(dir, READ).force(true)}
 *     issues fsync(2) on that descriptor. (Windows refuses to open a directory; Fulcrum runs on
 *     Linux only.)</li>
 * </ol>
 *
 * Files are created {@code rw-------}: a configuration may hold passwords (VRRP auth_pass, stats
 * auth). Callers must hold the store lock: the temp name is fixed, so two writers would collide.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    static void replace(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = directory.resolve(RevisionLayout.tempName(target.getFileName().toString()));
        try {
            try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), permissions(temp, "rw-------"))) {
                writeFully(channel, bytes, temp);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(directory);
    }

    /** Makes creations, renames and deletions of entries in {@code directory} durable (see above). */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new IOException(directory + ": cannot fsync directory: " + e.getMessage(), e);
        }
    }

    /** Creates the directory (and parents) if missing, owner-only, and makes its entry durable. */
    static void createDirectory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Files.createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, permissions(absolute, "rwx------"));
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
            return;
        }
        syncDirectory(absolute.getParent());
    }

    private static void writeFully(FileChannel channel, byte[] bytes, Path path) throws IOException {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new IOException(path + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] permissions(Path path, String posix) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posix))};
    }
}
