package dev.fulcrum.api.reconcile;

import dev.fulcrum.api.model.DesiredState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one owner of the desired state: every change goes validate (by the caller, into a
 * {@link DesiredState}) -> {@link #apply} persists it as a new revision and makes it current -> the
 * revision is handed to every {@link Reconciler}. Hand-out is asynchronous: {@link #apply} returns
 * once the revision is durable and current; {@link #appliedBySubsystem} tells how far each got.
 */
@ProviderType
public interface ConfigurationService {

    /** The current revision, or empty before the first apply. */
    Optional<Revision> current();

    /**
     * Stores the state as a new revision, makes it current and hands it to every reconciler.
     *
     * @throws java.io.UncheckedIOException when the revision cannot be stored; the old one stays current
     * @throws ConfigurationRejectedException when the state cannot run here (e.g. an algorithm no bundle
     *                                        provides); nothing is stored, the old one stays current
     */
    Revision apply(DesiredState state, String comment);

    /**
     * Makes an earlier (or later) stored revision current again and hands it to every reconciler.
     *
     * @throws UnknownRevisionException when the store does not hold that number
     */
    Revision rollback(long number) throws UnknownRevisionException;

    /** The stored revisions, newest first. */
    List<RevisionInfo> history();

    /** Per reconciler name: the last revision it was handed and its result. */
    Map<String, SubsystemRevision> appliedBySubsystem();
}
