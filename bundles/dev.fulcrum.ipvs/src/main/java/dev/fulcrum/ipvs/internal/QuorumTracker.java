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

    private final Map<Key, Boolean> up = new HashMap<>();

    /**
     * A virtual server's key with equals and hashCode written out for address keys: the records'
     * generated ones (method handles) cost several times more until the JIT has compiled them, and
     * every virtual server is looked up on every pass.
     */
    private static final class Key {
        private final ServiceKey key;

        Key(ServiceKey key) {
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && TableInputs.sameKey(key, that.key);
        }

        @Override
        public int hashCode() {
            return key instanceof ServiceKey.Address address ? 31 * address.address().hashCode() + address.port()
                    : key.hashCode();
        }
    }

    /** Updates and returns the quorum state of {@code virtualServer} given its live weight. */
    boolean update(VirtualServer virtualServer, long liveWeight) {
        long quorum = virtualServer.quorum();
        long hysteresis = virtualServer.hysteresis();
        Key key = new Key(virtualServer.key());
        Boolean previous = up.get(key);
        boolean now;
        if (previous == null) {
            now = liveWeight >= quorum;
        } else if (previous) {
            now = liveWeight >= quorum - hysteresis;
        } else {
            now = liveWeight >= quorum + hysteresis;
        }
        if (previous == null || previous != now) {
            up.put(key, now);
        }
        return now;
    }

    /** Forgets virtual servers no longer configured. */
    void retainOnly(java.util.Set<ServiceKey> keys) {
        up.keySet().removeIf(key -> !keys.contains(key.key));
    }
}
