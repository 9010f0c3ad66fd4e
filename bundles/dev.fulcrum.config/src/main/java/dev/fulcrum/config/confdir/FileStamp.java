package dev.fulcrum.config.confdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What the watcher compares between polls for one file: absent, or its size, modification time and
 * identity. The identity (inode) changes when an editor or {@code mv} replaces the file, even within
 * the same millisecond and at the same size.
 */
record FileStamp(String name, boolean present, long size, long modifiedMillis, String identity) {

    FileStamp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
    }

    static FileStamp absent(String name) {
        return new FileStamp(name, false, 0, 0, "");
    }

    /** Follows symbolic links, as the loader reads through them. */
    static FileStamp of(Path directory, String name) {
        Path file = directory.resolve(name);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(name, true, attributes.size(), attributes.lastModifiedTime().toMillis(),
                    String.valueOf(attributes.fileKey()));
        } catch (NoSuchFileException e) {
            return absent(name);
        } catch (IOException e) {
            // Unreadable attributes: present but unstampable; the loader reports why when it reads it.
            return new FileStamp(name, Files.exists(file, LinkOption.NOFOLLOW_LINKS), -1, -1, e.toString());
        }
    }
}
