package dev.fulcrum.api.sched;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/** Finds algorithms by name and binds pools to them (see {@link BalancedPool}). */
@ProviderType
public interface SchedulerRegistry {

    /** The names of the algorithms available now. */
    SortedSet<String> names();

    Optional<SchedulerFactory> find(String name);

    /**
     * A pool running the named algorithm. Validation should have checked the name with
     * {@link #find(String)}; an unknown name gives a pool that starts on the round-robin fallback.
     */
    BalancedPool open(String poolName, String algorithm, SchedulerSettings settings,
            Collection<? extends ServerView> servers);
}
