package dev.fulcrum.api.vrrp;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of each running VRRP instance, by its {@code vrrp_instance} name, and its changes.
 * An instance that does not run (not configured, or it could not start) has no state.
 */
@ProviderType
public interface VrrpStates {

    /** keepalived's instance states (RFC 5798 section 6.4 Initialize/Backup/Master, plus FAULT). */
    enum State {
        INIT, BACKUP, MASTER, FAULT
    }

    /** The states now, by instance name. */
    Map<String, State> current();

    default Optional<State> state(String instance) {
        return Optional.ofNullable(current().get(instance));
    }

    /**
     * Calls {@code listener} for every later change, in order, until the returned handle is closed.
     * A listener must return quickly: it runs on the VRRP thread.
     */
    Subscription subscribe(Listener listener);

    /** Told of one instance's new state. */
    @ConsumerType
    @FunctionalInterface
    interface Listener {
        void stateChanged(String instance, State state);
    }

    /** Ends a subscription; closing twice does nothing. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
