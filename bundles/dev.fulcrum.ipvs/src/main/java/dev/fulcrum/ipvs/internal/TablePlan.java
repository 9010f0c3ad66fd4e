package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The smallest list of changes that turns the kernel's table into the desired one, ordered so that
 * no service is ever without the destinations it should keep: new services, then service edits and
 * new destinations, then destination edits (in place: SET_DEST changes weight, forwarding, thresholds
 * and tunnel without dropping connections), and only then destination and service removals. Only
 * services in {@code owned} (Fulcrum created or adopted them) or desired are touched. Pure.
 */
final class TablePlan {

    private TablePlan() {
    }

    static List<TableChange> between(Map<IpvsKey, DesiredService> actual, Map<IpvsKey, DesiredService> desired,
            Set<IpvsKey> owned) {
        Changes changes = new Changes();
        int kept = 0; // services both tables have
        for (Map.Entry<IpvsKey, DesiredService> entry : desired.entrySet()) {
            DesiredService want = entry.getValue();
            DesiredService have = actual.get(entry.getKey());
            kept += have == null ? 0 : 1;
            if (have != want) { // the same object: what the last applied table holds (DesiredTable reuses unchanged ones)
                changes.service(want, have);
            }
        }
        if (kept < actual.size()) { // else every service of actual is desired: nothing to delete
            for (IpvsKey key : actual.keySet()) {
                if (!desired.containsKey(key) && owned.contains(key)) {
                    changes.deleteServices.add(new TableChange.DeleteService(key));
                }
            }
        }
        return changes.inOrder();
    }

    /**
     * The changes by kind, in the order they go out. A service's comparison is a method of its own
     * (not the body of the loop over all services): the JIT compiles it after a few hundred calls.
     */
    private static final class Changes {
        final List<TableChange> addServices = new ArrayList<>();
        final List<TableChange> additions = new ArrayList<>();
        final List<TableChange> edits = new ArrayList<>();
        final List<TableChange> removals = new ArrayList<>();
        final List<TableChange> deleteServices = new ArrayList<>();

        /** The changes that turn {@code have} (null: absent) into {@code want}. */
        void service(DesiredService want, DesiredService have) {
            IpvsKey key = want.service().key();
            if (have == null) {
                addServices.add(new TableChange.AddService(want.service()));
                want.destinations().forEach(d -> additions.add(new TableChange.AddDestination(key, d)));
                return;
            }
            if (!want.service().sameSettings(have.service())) {
                additions.add(new TableChange.EditService(want.service()));
            }
            for (IpvsDestination destination : want.destinations()) {
                IpvsDestination current = sameServer(have.destinations(), destination);
                if (current == null) {
                    additions.add(new TableChange.AddDestination(key, destination));
                } else if (!destination.sameSettings(current)) {
                    edits.add(new TableChange.EditDestination(key, destination));
                }
            }
            for (IpvsDestination destination : have.destinations()) {
                if (sameServer(want.destinations(), destination) == null) {
                    removals.add(new TableChange.DeleteDestination(key, destination));
                }
            }
        }

        List<TableChange> inOrder() {
            List<TableChange> plan = new ArrayList<>(addServices);
            plan.addAll(additions);
            plan.addAll(edits);
            plan.addAll(removals);
            plan.addAll(deleteServices);
            return plan;
        }
    }

    /** The destination of {@code destinations} with the address and port of {@code server}, or null. */
    private static IpvsDestination sameServer(List<IpvsDestination> destinations, IpvsDestination server) {
        for (IpvsDestination destination : destinations) {
            if (destination.sameServer(server)) {
                return destination;
            }
        }
        return null;
    }
}
