package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Optional;

/** A heap of servers that hands out the next one in turn (round robin by stride, least load). Not thread-safe. */
abstract class ServerQueue<N extends NodeHeap.Node> extends NodeHeap<N> {

    /** Turns tried when queued servers turn out unusable before their hooks arrived. */
    private static final int ATTEMPTS = 4;

    /** The next server in turn, which then moves back; only when not {@link #isEmpty()}. */
    abstract ServerView next();

    /**
     * The next usable server; when no regular server is queued, the roster's first usable backup. Empty
     * when the queued servers tried all went out of service just now (their hooks will follow).
     */
    final Optional<ServerView> nextUsable(Roster roster) {
        for (int attempt = 0; attempt < ATTEMPTS && !isEmpty(); attempt++) {
            ServerView server = next();
            if (server.usable()) {
                return Optional.of(server);
            }
        }
        return isEmpty() ? roster.firstUsableBackup() : Optional.empty();
    }
}
