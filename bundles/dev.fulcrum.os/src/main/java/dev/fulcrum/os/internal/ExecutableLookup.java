package dev.fulcrum.os.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs the way execvp(3) does, so that {@code isInstalled} and {@code run} agree: the
 * runner starts the path found here, never a name the JVM would look up again on its own.
 */
final class ExecutableLookup {

    /** What execvp(3) falls back to when PATH is unset (glibc's default search path). */
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    /*
     * Debian installs ip(8), nft(8), modprobe(8) and runuser(1) in /usr/sbin or /sbin, which a
     * non-root login PATH leaves out; Fulcrum may run unprivileged with capabilities under such a
     * PATH. They are searched after PATH, so PATH still wins.
     */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private final List<Path> directories;

    /** @param searchPath a PATH value (colon-separated), or null for the default */
    ExecutableLookup(String searchPath) {
        String path = searchPath == null || searchPath.isBlank() ? DEFAULT_PATH : searchPath;
        List<Path> found = new ArrayList<>();
        for (String entry : path.split(":")) {
            // An empty entry means the working directory in POSIX; a daemon must not run
            // whatever happens to lie in its working directory, so empty and relative entries
            // are skipped.
            addAbsolute(found, entry);
        }
        for (String entry : SYSTEM_DIRECTORIES) {
            addAbsolute(found, entry);
        }
        this.directories = List.copyOf(found);
    }

    /** The lookup for this JVM's PATH. */
    static ExecutableLookup fromEnvironment() {
        return new ExecutableLookup(System.getenv("PATH"));
    }

    List<Path> directories() {
        return directories;
    }

    /**
     * The executable a program name stands for: a name with a slash is taken as a path (as
     * execvp(3) does), any other name is searched in the directories in order.
     */
    Optional<Path> find(String program) {
        if (program == null || program.isEmpty() || program.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            if (program.indexOf('/') >= 0) {
                Path path = Path.of(program);
                return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
            }
            for (Path directory : directories) {
                Path candidate = directory.resolve(program);
                if (isExecutableFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static void addAbsolute(List<Path> into, String entry) {
        if (!entry.startsWith("/")) {
            return;
        }
        try {
            Path directory = Path.of(entry);
            if (!into.contains(directory)) {
                into.add(directory);
            }
        } catch (InvalidPathException e) {
            // not a usable directory name: skip it like execvp(3) skips a directory it cannot search
        }
    }
}
