package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.HaproxySyntax;
import dev.fulcrum.config.internal.ProblemCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The entry point: haproxy.cfg text to the proxy model, or a ConfigException with every problem. */
public final class HaproxyConfigs {

    /**
     * A loaded configuration and the warnings it produced (e.g. unsupported keywords in lenient mode,
     * or HAProxy's "falling back" warnings).
     */
    public record Loaded(ProxyConfig config, List<ConfigProblem> warnings) {

        public Loaded {
            java.util.Objects.requireNonNull(config, "config");
            warnings = List.copyOf(warnings);
        }
    }

    private HaproxyConfigs() {
    }

    /** Strict or lenient reading, warnings discarded; see {@link #load}. */
    public static ProxyConfig read(Path file, String text, Map<String, String> environment, boolean lenient)
            throws ConfigException {
        return load(file, text, environment, lenient).config();
    }

    /**
     * @param file        names the source in every location (it is not read)
     * @param environment what {@code "$NAME"} expands to (configuration.txt 2.3)
     * @param lenient     unsupported sections and keywords become warnings instead of errors
     * @throws ConfigException with every error and warning, in the order found, when any is an error
     */
    public static Loaded load(Path file, String text, Map<String, String> environment, boolean lenient)
            throws ConfigException {
        HaproxySyntax.Result syntax = HaproxySyntax.parse(file, text, environment, lenient);
        ProblemCollector problems = new ProblemCollector(lenient);
        for (ConfigProblem problem : syntax.problems()) {
            if (problem.severity() == ConfigProblem.Severity.ERROR) {
                problems.error(problem.location(), problem.offending(), problem.message());
            } else {
                problems.warning(problem.location(), problem.offending(), problem.message());
            }
        }
        Optional<ProxyConfig> config = HaproxyMapper.map(syntax, problems);
        problems.throwIfErrors();
        if (config.isEmpty()) {
            throw new ConfigException(List.of(ConfigProblem.error(new SourceLocation(file.toString(), 1, 0), "",
                    "internal error: no model and no error")));
        }
        return new Loaded(config.get(), problems.problems());
    }
}
