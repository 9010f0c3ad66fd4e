package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Optional;

/** Servers that take turns (smooth weighted round robin, least load). Not thread-safe. */
interface ServerQueue {

    /** Turns tried when queued servers turn out unusable before their hooks arrived. */
    int ATTEMPTS = 4;

    boolean isEmpty();

    /** The next server in turn, which then moves back; only when not {@link #isEmpty()}. */
    ServerView next();

    /**
     * The next usable server; when no regular server is queued, the roster's first usable backup. Empty
     * when the queued servers tried all went out of service just now (their hooks will follow).
     */
    default Optional<ServerView> nextUsable(Roster roster) {
        for (int attempt = 0; attempt < ATTEMPTS && !isEmpty(); attempt++) {
            ServerView server = next();
            if (server.usable()) {
                return Optional.of(server);
            }
        }
        return isEmpty() ? roster.firstUsableBackup() : Optional.empty();
    }
}
