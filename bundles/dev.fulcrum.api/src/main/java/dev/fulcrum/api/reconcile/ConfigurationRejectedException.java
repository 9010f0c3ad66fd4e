package dev.fulcrum.api.reconcile;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import java.util.List;

/**
 * {@link ConfigurationService#apply} refused a desired state that is valid on its own but cannot run
 * on this box, e.g. it names a scheduling algorithm no installed bundle provides. Nothing was stored;
 * the current revision stays. Unchecked so that {@code apply}'s signature stays as it was.
 */
public final class ConfigurationRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationRejectedException(List<ConfigProblem> problems) {
        this(new ConfigException(problems));
    }

    private ConfigurationRejectedException(ConfigException cause) {
        super(cause.getMessage(), cause);
        this.problems = cause.problems();
    }

    /** Every reason, at least one. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
