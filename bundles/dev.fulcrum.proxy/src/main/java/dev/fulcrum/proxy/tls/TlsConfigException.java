package dev.fulcrum.proxy.tls;

import java.nio.file.Path;

/** A certificate file or directory of a {@code bind ... ssl crt} line that cannot be used; names the file. */
public final class TlsConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    TlsConfigException(Path file, String problem) {
        super("crt " + file + ": " + problem);
        this.file = file;
    }

    TlsConfigException(Path file, String problem, Throwable cause) {
        super("crt " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
