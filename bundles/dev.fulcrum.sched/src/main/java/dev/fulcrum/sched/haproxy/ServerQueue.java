package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;

/** Servers that take turns (smooth weighted round robin, least load). Not thread-safe. */
interface ServerQueue {

    /** Turns tried when queued servers turn out unusable before their hooks arrived. */
    int ATTEMPTS = 4;

    boolean isEmpty();

    /** The next server in turn, which then moves back; only when not {@link #isEmpty()}. */
    ServerView next();
}
