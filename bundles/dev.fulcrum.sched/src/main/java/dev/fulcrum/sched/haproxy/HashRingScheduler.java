package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hashing algorithms of configuration.txt 4.2 "balance" (source, uri, url_param, hdr, rdp-cookie) under
 * "hash-type consistent": the request's key is hashed onto a {@link HashRing} over the active servers with
 * their current weights, rebuilt when a server comes, goes or changes weight. Without a key, round robin
 * over the current weights ("If no value is found ... then a round robin algorithm is applied"; HAProxy
 * walks its tree, chash_get_next_server). Backups: the first usable one by position when no regular server
 * is usable. A pick is lock-free: O(1) expected, plus the key's extraction. "hash-type map-based" is
 * {@link StaticMapScheduler}.
 */
final class HashRingScheduler extends TableScheduler<HashRing> {

    private final RequestKey key;
    private final Scheduler withoutKey;

    HashRingScheduler(RequestKey key, Collection<? extends ServerView> servers, Scheduler withoutKey) {
        super(servers, Roster.Member::currentWeight, HashRing::of);
        this.key = key;
        this.withoutKey = withoutKey;
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        OptionalLong hash = key.hash(request);
        if (hash.isEmpty()) {
            return withoutKey.pick(request);
        }
        Current<HashRing> current = current();
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
