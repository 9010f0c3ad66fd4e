package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.ExpiringMap;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * IPVS {@code lblc} (net/netfilter/ipvs/ip_vs_lblc.c), locality-based least connection for cache
 * clusters: each destination address sticks to the server it was last given, unless that server can no
 * longer take it or is {@link Locality#overloaded overloaded}; then the least loaded server (wlc) takes
 * over the destination. Entries unused for {@link Locality#EXPIRATION} expire. A pick is a hash lookup
 * (O(1)); a reschedule reads the load index head (O(1)).
 */
final class LocalityLeastConnection extends Locality {

    private final ExpiringMap<AddressKey, ServerView> destinations;
    private final Predicate<ServerView> stillFits = cached -> index.pickable(cached) && !overloaded(cached);
    private final Supplier<ServerView> leastLoaded = () -> index.least().orElse(null);

    LocalityLeastConnection(InstantSource clock, List<ServerView> servers) {
        super(servers);
        this.destinations = new ExpiringMap<>(EXPIRATION, clock);
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        return Optional.ofNullable(
                destinations.lookup(AddressKey.of(request.destinationAddress()), stillFits, leastLoaded));
    }

    @Override
    void forget(ServerView removed) {
        destinations.removeValues(server -> server.id().equals(removed.id()));
    }
}
