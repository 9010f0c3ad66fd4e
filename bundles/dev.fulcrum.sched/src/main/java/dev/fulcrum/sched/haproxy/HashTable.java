package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerView;
import java.util.Optional;

/** Where a hash key lands: HAProxy's "hash-type map-based" or "hash-type consistent" (configuration.txt 4.2 "hash-type"). */
interface HashTable {

    /**
     * The server for the key. When that server became unusable and its hook has not arrived yet, the next
     * few positions are tried; empty if none of them is usable.
     */
    Optional<ServerView> lookup(long hash);
}
