package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes the instances' states as the {@link VrrpStates} service (read by dev.fulcrum.ipvs for
 * keepalived.conf(5) {@code lvs_sync_daemon}). The engine tells it of every change on its loop
 * thread; an instance that stops (back to Initialize) leaves the map.
 */
@Component(service = {VrrpStates.class, VrrpStatesBoard.class})
public final class VrrpStatesBoard implements VrrpStates, VrrpEngine.InstanceEvents {

    private static final Logger LOG = System.getLogger(VrrpStatesBoard.class.getName());

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, State> current() {
        return Map.copyOf(states);
    }

    @Override
    public Subscription subscribe(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void stateChanged(VrrpInstance instance, StateChanged change) {
        State state = of(change.to());
        if (state == State.INIT) {
            states.remove(instance.name());
        } else {
            states.put(instance.name(), state);
        }
        for (Listener listener : listeners) {
            try {
                listener.stateChanged(instance.name(), state);
            } catch (RuntimeException e) {
                // A consumer's bug must not stop VRRP's loop.
                LOG.log(Level.WARNING, "VRRP state listener failed on (" + instance.name() + ") " + state, e);
            }
        }
    }

    static State of(VrrpState state) {
        return switch (state) {
            case INITIALIZE -> State.INIT;
            case BACKUP -> State.BACKUP;
            case MASTER -> State.MASTER;
            case FAULT -> State.FAULT;
        };
    }
}
