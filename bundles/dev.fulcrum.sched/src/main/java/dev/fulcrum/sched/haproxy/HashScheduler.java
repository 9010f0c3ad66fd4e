package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hashing algorithms of configuration.txt 4.2 "balance" (source, uri, url_param, hdr, rdp-cookie):
 * the request's key is hashed into a {@link HashTable} over the active servers, a {@link WeightedMap} for
 * "hash-type map-based" (static: the weights the servers were added with) or a {@link HashRing} for
 * "hash-type consistent" (their current weights). Without a key, round robin ("If no value is found ...
 * then a round robin algorithm is applied"). Backups: the first usable one by position when no regular
 * server is usable. A pick is lock-free: O(1) map-based, O(1) expected consistent, plus the key's extraction.
 */
final class HashScheduler extends TableScheduler<HashTable> {

    private final RequestKey key;
    private final Scheduler withoutKey;

    HashScheduler(RequestKey key, boolean consistent, Collection<? extends ServerView> servers,
            Scheduler withoutKey) {
        super(servers, consistent ? Roster.Member::currentWeight : Roster.Member::staticWeight,
                consistent ? HashRing::of : active -> WeightedMap.of(active, Roster.Member::staticWeight));
        this.key = key;
        this.withoutKey = withoutKey;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        OptionalLong hash = key.hash(request);
        if (hash.isEmpty()) {
            return withoutKey.pick(request);
        }
        Current<HashTable> current = current();
        return current.empty() ? current.backupServer() : current.table().lookup(hash.getAsLong());
    }

    @Override
    public void serverAdded(ServerView server) {
        super.serverAdded(server);
        withoutKey.serverAdded(server);
    }

    @Override
    public void serverRemoved(ServerView server) {
        super.serverRemoved(server);
        withoutKey.serverRemoved(server);
    }

    @Override
    public void serverChanged(ServerView server) {
        super.serverChanged(server);
        withoutKey.serverChanged(server);
    }
}
