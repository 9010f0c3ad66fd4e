package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether each virtual server has its quorum, with keepalived.conf(5) semantics: {@code quorum} is
 * the minimum total weight of the live real servers; {@code hysteresis} dampens flapping, so the
 * quorum is lost below {@code quorum - hysteresis} and regained at {@code quorum + hysteresis}.
 * The first verdict for a virtual server compares against {@code quorum} alone.
 */
final class QuorumTracker {

    private final Map<ServiceKey, Boolean> up = new HashMap<>();

    /** Updates and returns the quorum state of {@code virtualServer} given its live weight. */
    boolean update(VirtualServer virtualServer, long liveWeight) {
        long quorum = virtualServer.quorum();
        long hysteresis = virtualServer.hysteresis();
        Boolean previous = up.get(virtualServer.key());
        boolean now;
        if (previous == null) {
            now = liveWeight >= quorum;
        } else if (previous) {
            now = liveWeight >= quorum - hysteresis;
        } else {
            now = liveWeight >= quorum + hysteresis;
        }
        up.put(virtualServer.key(), now);
        return now;
    }

    /** Forgets virtual servers no longer configured. */
    void retainOnly(java.util.Set<ServiceKey> keys) {
        up.keySet().retainAll(keys);
    }
}
