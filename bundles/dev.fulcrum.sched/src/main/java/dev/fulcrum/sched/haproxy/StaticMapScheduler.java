package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HAProxy's static map ({@link WeightedMap}, each server with the weight it was added with: configuration.txt
 * 4.2, "changing a server's weight on the fly will have no effect"; a weight of 0 still takes it out),
 * which two kinds of algorithm share:
 * <ul>
 * <li>"balance static-rr" walks it in turn, one atomic increment and an array read per pick;</li>
 * <li>the hashing algorithms under "hash-type map-based" (source, uri, url_param, hdr, rdp-cookie) take the
 * slot of the request's key's hash, and walk the map in turn when the request has no key: HAProxy then
 * falls back to "round robin on the map" (map_get_server_rr), which is static too.</li>
 * </ul>
 * The map is laid out again when a server comes or goes ("when a server goes up, it is always immediately
 * reintroduced into the farm, once the full map is recomputed"), not when a weight changes. Backups: the
 * first usable one by position when no regular server is usable.
 */
final class StaticMapScheduler extends TableScheduler<WeightedMap> {

    /** static-rr's key: none, every pick takes the next turn. */
    static final RequestKey NO_KEY = request -> OptionalLong.empty();

    private final RequestKey key;
    private final AtomicLong turn = new AtomicLong();

    StaticMapScheduler(RequestKey key, Collection<? extends ServerView> servers) {
        super(servers, Roster.Member::staticWeight, active -> WeightedMap.of(active, Roster.Member::staticWeight));
        this.key = key;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        OptionalLong hash = key.hash(request);
        Current<WeightedMap> current = current();
        if (current.empty()) {
            return current.backupServer();
        }
        return hash.isPresent() ? current.table().lookup(hash.getAsLong()) : current.table().at(turn.getAndIncrement());
    }
}
