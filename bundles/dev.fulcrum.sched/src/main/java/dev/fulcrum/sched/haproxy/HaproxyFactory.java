package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What every HAProxy algorithm's factory shares: its name is the configuration.txt 4.2 "balance" keyword,
 * and the {@link Balance} of the settings (its arguments) must be for that algorithm. Settings without a
 * {@link Balance} mean the algorithm's defaults ({@link Balance#of}), which url_param and hdr do not have:
 * they need a name and are refused with the reason.
 */
public abstract class HaproxyFactory implements SchedulerFactory {

    private final Algorithm algorithm;

    HaproxyFactory(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public final String name() {
        return algorithm.keyword();
    }

    @Override
    public final Family family() {
        return Family.HAPROXY;
    }

    /** @throws IllegalArgumentException when the settings carry arguments of another algorithm or lack a name */
    @Override
    public final Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(servers, "servers");
        Balance balance = settings.balance().orElseGet(() -> Balance.of(algorithm));
        if (balance.algorithm() != algorithm) {
            throw new IllegalArgumentException("the arguments of balance " + balance.algorithm().keyword()
                    + " were given to balance " + algorithm.keyword());
        }
        return create(balance, settings, List.copyOf(servers));
    }

    abstract Scheduler create(Balance balance, SchedulerSettings settings, List<ServerView> servers);

    /** HAProxy's "roundrobin", which consistent hashing also falls back on when the request has no key. */
    static Scheduler roundRobin(SchedulerSettings settings, List<ServerView> servers) {
        return new RoundRobinScheduler(settings.clock(), servers);
    }

    /** A hashing algorithm over the given key: on a ring for "hash-type consistent", else on the static map. */
    static Scheduler hashing(RequestKey key, SchedulerSettings settings, List<ServerView> servers) {
        return settings.consistentHashing() ? new HashRingScheduler(key, servers, roundRobin(settings, servers))
                : new StaticMapScheduler(key, servers);
    }
}
