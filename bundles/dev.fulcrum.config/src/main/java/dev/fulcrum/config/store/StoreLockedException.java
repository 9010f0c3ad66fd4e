package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Path;

/** The revision directory is already in use, by another process or by another open store in this JVM. */
public final class StoreLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    StoreLockedException(Path directory, String holder) {
        super("revision store " + directory + " is already in use by " + holder
                + "; only one Fulcrum instance may use a state directory at a time");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
