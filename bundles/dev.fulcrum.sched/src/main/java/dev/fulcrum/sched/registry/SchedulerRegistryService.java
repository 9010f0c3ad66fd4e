package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The "sched" subsystem: finds algorithms ({@link SchedulerFactory} services) by their
 * {@value SchedulerFactory#NAME_PROPERTY} and keeps every open pool on the best one of its name. When an
 * algorithm's service goes away (its bundle is stopped or removed) the pools that ran it fall back to
 * round robin and the subsystem reports DEGRADED naming them; when a service of that name comes back
 * they return to it. Immediate, so that algorithms are tracked before the first pool is opened.
 *
 * <p>One lock guards the table and the pool list; picks never take it.
 */
@Component(service = {SchedulerRegistry.class, Subsystem.class}, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + SchedulerRegistryService.NAME)
public final class SchedulerRegistryService implements SchedulerRegistry, Subsystem {

    static final String NAME = "sched";

    private final Logger log;
    private final FactoryTable table = new FactoryTable();
    private final List<SwappablePool> pools = new ArrayList<>();
    private volatile SubsystemStatus status;
    private boolean deactivated;

    @Activate
    public SchedulerRegistryService(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.status = statusNow();
    }

    /**
     * SCR unbinds the algorithms after this (the framework stopping, or this bundle being replaced): the
     * pools' owners are going too, so the pools are let go as they are rather than moved to round robin
     * with a warning each.
     */
    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        pools.clear();
    }

    @Reference(service = SchedulerFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeFactory", updated = "updatedFactory")
    synchronized void addFactory(SchedulerFactory factory, Map<String, ?> properties) {
        String name = nameOf(factory, properties);
        FactoryTable.Entry entry = new FactoryTable.Entry(name, serviceId(properties), ranking(properties), factory);
        log.info("scheduling algorithm {} available ({} family, service.ranking {})", name, factory.family(),
                entry.ranking());
        follow(table.put(entry));
    }

    /** A changed service.ranking may change which service of a name wins. */
    synchronized void updatedFactory(SchedulerFactory factory, Map<String, ?> properties) {
        follow(table.put(new FactoryTable.Entry(nameOf(factory, properties), serviceId(properties),
                ranking(properties), factory)));
    }

    synchronized void removeFactory(SchedulerFactory factory, Map<String, ?> properties) {
        SortedSet<String> touched = table.remove(serviceId(properties));
        touched.forEach(name -> log.info("scheduling algorithm {}: a service went away{}", name,
                table.winner(name).isPresent() ? "; another one of that name takes over" : ""));
        follow(touched);
    }

    @Override
    public synchronized SortedSet<String> names() {
        return table.names();
    }

    @Override
    public synchronized Optional<SchedulerFactory> find(String name) {
        return table.winner(name).map(FactoryTable.Entry::factory);
    }

    @Override
    public BalancedPool open(String poolName, String algorithm, SchedulerSettings settings,
            Collection<? extends ServerView> servers) {
        requireText(poolName, "pool name");
        requireText(algorithm, "algorithm name of pool " + poolName);
        Objects.requireNonNull(settings, "settings of pool " + poolName);
        Objects.requireNonNull(servers, "servers of pool " + poolName);
        SwappablePool pool = new SwappablePool(poolName, algorithm, settings, servers, this::detach);
        synchronized (this) {
            pool.runOn(find(algorithm), unavailable(algorithm)).ifPresent(problem ->
                    log.warn("pool {} runs round robin: {}", poolName, problem));
            pools.add(pool);
            status = statusNow();
        }
        return pool;
    }

    @Override
    public SubsystemStatus status() {
        return status;
    }

    private synchronized void detach(SwappablePool pool) {
        pools.remove(pool);
        status = statusNow();
    }

    /** Moves every pool of the given algorithm names to the service that wins its name now. */
    private void follow(Set<String> names) {
        if (deactivated) {
            return;
        }
        for (SwappablePool pool : pools) {
            if (!names.contains(pool.algorithm())) {
                continue;
            }
            Optional<SchedulerFactory> winner = find(pool.algorithm());
            Optional<SchedulerFactory> before = pool.factory();
            if (winner.isPresent() && before.isPresent() && winner.get() == before.get()) {
                continue;
            }
            Optional<String> problem = pool.runOn(winner, unavailable(pool.algorithm()));
            if (problem.isPresent()) {
                log.warn("pool {} falls back to round robin: {}", pool.name(), problem.get());
            } else if (before.isEmpty()) {
                log.info("pool {} runs algorithm {} again", pool.name(), pool.algorithm());
            } else {
                log.info("pool {} moved to another service of algorithm {}", pool.name(), pool.algorithm());
            }
        }
        status = statusNow();
    }

    private SubsystemStatus statusNow() {
        SortedSet<String> names = table.names();
        String algorithms = names.isEmpty() ? "no algorithm available" : "algorithms " + String.join(", ", names);
        List<String> fallingBack = pools.stream().filter(SwappablePool::fallingBack)
                .map(pool -> pool.name() + " (" + pool.problem().orElse("unknown") + ")")
                .collect(Collectors.toList());
        if (fallingBack.isEmpty()) {
            return SubsystemStatus.active(NAME, algorithms + "; " + pools.size() + " pool(s) open");
        }
        return SubsystemStatus.degraded(NAME, "pool(s) on round-robin fallback: " + String.join(", ", fallingBack)
                + "; " + algorithms);
    }

    private static String unavailable(String algorithm) {
        return "algorithm " + algorithm + " is not available";
    }

    /** The service property, as the SPI asks; a service without it is known by its factory's name. */
    private String nameOf(SchedulerFactory factory, Map<String, ?> properties) {
        Object property = properties.get(SchedulerFactory.NAME_PROPERTY);
        String declared = factory.name();
        if (property instanceof String name && !name.isBlank()) {
            if (!name.equals(declared)) {
                log.warn("scheduling algorithm service {}={} says its name is {}; using the property",
                        SchedulerFactory.NAME_PROPERTY, name, declared);
            }
            return name;
        }
        log.warn("scheduling algorithm service {} has no {} property; using its name {}",
                factory.getClass().getName(), SchedulerFactory.NAME_PROPERTY, declared);
        return declared;
    }

    private static long serviceId(Map<String, ?> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        if (!(id instanceof Long value)) {
            throw new IllegalArgumentException("a service without " + Constants.SERVICE_ID + ": " + properties);
        }
        return value;
    }

    /** OSGi Core 5.2.5: a service.ranking that is not an Integer counts as 0. */
    private static int ranking(Map<String, ?> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
