package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A revision file on disk is damaged (bad checksum, truncated, not a revision file). On open such a
 * file is skipped and reported; this exception is what a later read of a file that went bad meanwhile
 * throws, so the caller never receives a damaged payload.
 */
public final class CorruptRevisionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    public CorruptRevisionException(Path path, String reason) {
        super(path + ": corrupt revision file: " + reason);
        this.path = path;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    /** What is wrong with the file, without the path. */
    public String reason() {
        return reason;
    }
}
