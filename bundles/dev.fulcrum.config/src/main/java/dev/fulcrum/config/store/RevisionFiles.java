package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes one revision directory's files; the format lives in the pure codecs. */
final class RevisionFiles {

    private final Path directory;

    RevisionFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path revisionPath(long number) {
        return directory.resolve(RevisionLayout.fileName(number));
    }

    Path pointerPath() {
        return directory.resolve(RevisionLayout.POINTER);
    }

    /** Reads a revision file and verifies it against its checksums and its name. */
    Revision read(long number) throws IOException {
        Path path = revisionPath(number);
        Revision revision;
        try {
            revision = RevisionCodec.decode(Files.readAllBytes(path));
        } catch (RevisionFormatException e) {
            throw new CorruptRevisionException(path, e.getMessage());
        }
        if (revision.number() != number) {
            throw new CorruptRevisionException(path, "holds revision " + revision.number());
        }
        return revision;
    }

    void write(Revision revision) throws IOException {
        DurableFiles.replace(revisionPath(revision.number()), RevisionCodec.encode(revision));
    }

    void writePointer(long number) throws IOException {
        DurableFiles.replace(pointerPath(), RevisionLayout.pointerBytes(number));
    }

    /** Deletes a revision file; the directory is synced by {@link #syncDirectory()} after a batch. */
    void delete(long number) throws IOException {
        Files.deleteIfExists(revisionPath(number));
    }

    void syncDirectory() throws IOException {
        DurableFiles.syncDirectory(directory);
    }
}
