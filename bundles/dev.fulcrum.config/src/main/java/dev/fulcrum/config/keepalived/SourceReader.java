package dev.fulcrum.config.keepalived;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the parser reaches configuration files, so that tests (and the REST API, for uploaded
 * files) can supply them from elsewhere than the file system.
 */
public interface SourceReader {

    /** The text of a file. */
    String read(Path file) throws IOException;

    /**
     * The regular files that match a glob(7) pattern, sorted by path, as glob(3) returns them.
     *
     * @param directory where a relative pattern starts
     * @param pattern   a relative or absolute path whose '/'-separated segments may contain
     *                  {@code *}, {@code ?} and {@code [...]}; brace alternatives have already been
     *                  expanded by the caller, so '{' and '}' are literal characters here
     */
    List<Path> glob(Path directory, String pattern) throws IOException;

    /** The real file system, through java.nio. */
    static SourceReader fileSystem() {
        return new FileSystemSourceReader();
    }
}
