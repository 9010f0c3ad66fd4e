package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.ExpiringMap;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * IPVS {@code lblcr} (net/netfilter/ipvs/ip_vs_lblcr.c), locality-based least connection with
 * replication: each destination address maps to a {@link ReplicaSet}. A pick takes the set's least
 * loaded member; when there is none, or it is {@link Locality#overloaded overloaded}, the least loaded
 * server of the pool (wlc) joins the set and takes the connection. A set unchanged for
 * {@link Locality#EXPIRATION} loses its most loaded member; a destination unused that long is forgotten.
 * A pick is O(set size).
 */
final class ReplicatedLocality extends Locality {

    private final InstantSource clock;
    private final ExpiringMap<AddressKey, ReplicaSet> sets;

    ReplicatedLocality(InstantSource clock, List<ServerView> servers) {
        super(servers);
        this.clock = clock;
        this.sets = new ExpiringMap<>(EXPIRATION, clock);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        long now = clock.millis();
        ReplicaSet set = sets.lookup(AddressKey.of(request.destinationAddress()), existing -> true,
                () -> new ReplicaSet(now));
        synchronized (set) {
            ServerView least = set.least(index::pickable);
            set.shrinkIfStale(now, EXPIRATION.toMillis(), index::pickable);
            if (least != null && !overloaded(least)) {
                return Optional.of(least);
            }
            Optional<ServerView> chosen = index.least();
            chosen.ifPresent(server -> set.add(server, now));
            return chosen;
        }
    }

    @Override
    void forget(ServerView removed) {
        sets.forEachValue(set -> set.remove(removed));
    }
}
