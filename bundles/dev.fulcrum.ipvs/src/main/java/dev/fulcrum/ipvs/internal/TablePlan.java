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
        List<TableChange> addServices = new ArrayList<>();
        List<TableChange> additions = new ArrayList<>();
        List<TableChange> edits = new ArrayList<>();
        List<TableChange> removals = new ArrayList<>();
        List<TableChange> deleteServices = new ArrayList<>();
        for (Map.Entry<IpvsKey, DesiredService> entry : desired.entrySet()) {
            IpvsKey key = entry.getKey();
            DesiredService want = entry.getValue();
            DesiredService have = actual.get(key);
            if (have == want) {
                continue; // the object the last applied table holds (DesiredTable reuses unchanged ones)
            }
            if (have == null) {
                addServices.add(new TableChange.AddService(want.service()));
                want.destinations().forEach(d -> additions.add(new TableChange.AddDestination(key, d)));
                continue;
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
        for (IpvsKey key : actual.keySet()) {
            if (!desired.containsKey(key) && owned.contains(key)) {
                deleteServices.add(new TableChange.DeleteService(key));
            }
        }
        List<TableChange> plan = new ArrayList<>(addServices);
        plan.addAll(additions);
        plan.addAll(edits);
        plan.addAll(removals);
        plan.addAll(deleteServices);
        return plan;
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
