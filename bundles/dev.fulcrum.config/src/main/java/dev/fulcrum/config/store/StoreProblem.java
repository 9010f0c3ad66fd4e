package dev.fulcrum.config.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something the store found wrong on disk and worked around instead of failing: the caller logs these
 * (the store itself does not log) so an admin learns about a damaged file.
 *
 * @param kind    what was done about it
 * @param path    the file concerned
 * @param message what was found, in words
 */
public record StoreProblem(Kind kind, Path path, String message) {

    /** What the store did. */
    public enum Kind {
        /** A {@code *.tmp} left by a write that a crash cut short: deleted (if that failed, the next
         *  write of that name truncates it). */
        STALE_TEMP_FILE,
        /** A revision file that is damaged or unreadable is left on disk but not used. */
        REVISION_IGNORED,
        /** The {@code current} pointer was unusable; the newest intact revision became current. */
        POINTER_FALLBACK,
        /** The {@code current} pointer was unusable and no intact revision exists: nothing is current. */
        POINTER_UNUSABLE,
        /** An old revision could not be deleted when the history was trimmed; it is retried next time. */
        PRUNE_FAILED
    }

    public StoreProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** One line for a log: {@code /var/lib/fulcrum/config/revisions/0000000007.rev: REVISION_IGNORED: ...}. */
    public String format() {
        return path + ": " + kind + ": " + message;
    }
}
