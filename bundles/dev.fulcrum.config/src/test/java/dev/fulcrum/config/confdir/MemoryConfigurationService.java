package dev.fulcrum.config.confdir;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.RevisionInfo;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Revisions in a list, for the applier's tests; {@link #refuse} makes the next apply throw. */
final class MemoryConfigurationService implements ConfigurationService {

    final List<Revision> revisions = new ArrayList<>();
    Supplier<RuntimeException> refuse;

    @Override
    public Optional<Revision> current() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    @Override
    public Revision apply(DesiredState state, String comment) {
        if (refuse != null) {
            RuntimeException e = refuse.get();
            refuse = null;
            throw e;
        }
        Revision revision = new Revision(revisions.size() + 1, state, Instant.EPOCH, comment);
        revisions.add(revision);
        return revision;
    }

    @Override
    public Revision rollback(long number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RevisionInfo> history() {
        return List.of();
    }

    @Override
    public Map<String, SubsystemRevision> appliedBySubsystem() {
        return Map.of();
    }
}
