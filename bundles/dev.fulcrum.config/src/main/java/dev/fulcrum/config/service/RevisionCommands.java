package dev.fulcrum.config.service;

import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.RevisionInfo;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import dev.fulcrum.api.reconcile.UnknownRevisionException;
import dev.fulcrum.config.confdir.ConfDirectory;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code fulcrum:revisions} (the history, the current one marked, and how far each subsystem got)
 * , {@code fulcrum:rollback N} and {@code fulcrum:apply} (re-read the configuration directory now).
 * Gogo prints the returned text.
 */
@Component(service = RevisionCommands.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=revisions",
        "osgi.command.function=rollback",
        "osgi.command.function=apply"})
public final class RevisionCommands {

    private final ConfigurationService configuration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfDirectory confDirectory;

    @Activate
    public RevisionCommands(@Reference ConfigurationService configuration) {
        this.configuration = configuration;
    }

    public String revisions() {
        StringBuilder out = new StringBuilder();
        for (RevisionInfo info : configuration.history()) {
            out.append(info.current() ? "* " : "  ").append(info.number()).append("  ").append(info.created())
                    .append("  ").append(info.comment()).append('\n');
        }
        if (out.length() == 0) {
            out.append("no revision stored yet\n");
        }
        Map<String, SubsystemRevision> applied = configuration.appliedBySubsystem();
        applied.values().forEach(result -> out.append(result.subsystem()).append(": revision ").append(result.revision())
                .append(result.applied() ? " applied" : " FAILED " + result.errors()).append('\n'));
        return out.toString();
    }

    /** Makes revision N current again; an unknown N is an error message, not a stack trace. */
    public String rollback(long number) {
        try {
            Revision revision = configuration.rollback(number);
            return "revision " + revision.number() + " is current (" + revision.comment() + ")\n";
        } catch (UnknownRevisionException e) {
            return e.getMessage() + "\n";
        }
    }

    /** Reads keepalived.conf and haproxy.cfg now: a new revision N, unchanged, or every problem. */
    public String apply() {
        ConfDirectory directory = confDirectory;
        return directory == null ? "the configuration directory is not watched (its component is not active)\n"
                : directory.applyNow();
    }
}
