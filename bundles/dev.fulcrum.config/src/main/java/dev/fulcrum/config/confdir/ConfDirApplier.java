package dev.fulcrum.config.confdir;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationRejectedException;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Revision;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the configuration directory into a revision: load both files, and apply the state unless it
 * equals the current revision's (before the first revision, the empty state counts as current, so
 * an empty directory stores nothing). A rejected or unstorable state leaves the current revision.
 */
final class ConfDirApplier {

    private final ConfDirLoader loader;
    private final ConfigurationService configuration;

    ConfDirApplier(ConfDirLoader loader, ConfigurationService configuration) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    ConfDirLoader loader() {
        return loader;
    }

    /**
     * Synchronized: the watcher's thread and {@code fulcrum:apply} may both ask.
     *
     * @param trigger why it is read now, kept as the revision's comment (e.g. "haproxy.cfg changed")
     */
    synchronized ApplyOutcome apply(String trigger) {
        Optional<Revision> current;
        try {
            current = configuration.current();
        } catch (RuntimeException e) {
            return failed(0, "the current revision cannot be read: " + e.getMessage());
        }
        long currentNumber = current.map(Revision::number).orElse(0L);
        ConfDirLoader.Loaded loaded;
        try {
            loaded = loader.load();
        } catch (ConfigException e) {
            return new ApplyOutcome(ApplyOutcome.Kind.REJECTED, currentNumber, e.problems(), "");
        }
        DesiredState currentState = current.map(Revision::state).orElse(DesiredState.EMPTY);
        if (loaded.state().equals(currentState)) {
            return new ApplyOutcome(ApplyOutcome.Kind.UNCHANGED, currentNumber, loaded.warnings(), "");
        }
        try {
            Revision revision = configuration.apply(loaded.state(), "configuration directory: " + trigger);
            return new ApplyOutcome(ApplyOutcome.Kind.APPLIED, revision.number(), loaded.warnings(), "");
        } catch (ConfigurationRejectedException e) {
            return new ApplyOutcome(ApplyOutcome.Kind.REFUSED, currentNumber, e.problems(), "");
        } catch (UncheckedIOException | IllegalStateException e) {
            return failed(currentNumber, e.getMessage());
        }
    }

    private static ApplyOutcome failed(long revision, String why) {
        return new ApplyOutcome(ApplyOutcome.Kind.FAILED, revision, List.of(), String.valueOf(why));
    }
}
