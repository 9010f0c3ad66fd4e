package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.SchedulerFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The algorithm services currently registered, by name. Among several services of one name the one
 * with the highest {@code service.ranking} wins, ties going to the lowest {@code service.id} (the
 * framework's own rule for choosing among services, OSGi Core 5.2.5 "Service Ranking"). Not thread-safe:
 * the registry guards it.
 */
final class FactoryTable {

    /** One registered algorithm service. */
    record Entry(String name, long serviceId, int ranking, SchedulerFactory factory) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final Map<String, TreeSet<Entry>> byName = new HashMap<>();
    private final Map<Long, Entry> byServiceId = new HashMap<>();

    /** Adds or replaces (same service id) an entry; returns the name(s) whose winner may have changed. */
    SortedSet<String> put(Entry entry) {
        SortedSet<String> touched = remove(entry.serviceId());
        byServiceId.put(entry.serviceId(), entry);
        byName.computeIfAbsent(entry.name(), name -> new TreeSet<>(BEST_FIRST)).add(entry);
        touched.add(entry.name());
        return touched;
    }

    /** Removes the service's entry; returns its name, or nothing when it was not there. */
    SortedSet<String> remove(long serviceId) {
        SortedSet<String> touched = new TreeSet<>();
        Entry gone = byServiceId.remove(serviceId);
        if (gone != null) {
            TreeSet<Entry> entries = byName.get(gone.name());
            entries.remove(gone);
            if (entries.isEmpty()) {
                byName.remove(gone.name());
            }
            touched.add(gone.name());
        }
        return touched;
    }

    Optional<Entry> winner(String name) {
        TreeSet<Entry> entries = byName.get(name);
        return entries == null ? Optional.empty() : Optional.of(entries.first());
    }

    SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
