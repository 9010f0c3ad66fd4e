package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.internal.ProblemCollector;
import dev.fulcrum.config.keepalived.KeepalivedSyntax;
import dev.fulcrum.config.keepalived.SourceReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Entry point: a keepalived.conf file to its {@link KeepalivedConfig}, or every problem. */
public final class KeepalivedConfigs {

    private KeepalivedConfigs() {
    }

    /**
     * The result of a read: the configuration when there is no error, and every problem (warnings
     * too, e.g. unsupported keywords in lenient mode, a truncated auth_pass).
     */
    public record Result(Optional<KeepalivedConfig> config, List<ConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads, maps and validates; throws with every problem if any of them is an error. */
    public static KeepalivedConfig read(Path file, Set<String> configIds, boolean lenient) throws ConfigException {
        Result result = check(file, configIds, SourceReader.fileSystem(), lenient);
        if (result.config().isEmpty()) {
            throw new ConfigException(result.problems());
        }
        return result.config().get();
    }

    /** Reads, maps and validates, never throwing for bad input. */
    public static Result check(Path file, Set<String> configIds, SourceReader reader, boolean lenient) {
        KeepalivedSyntax.Result syntax = KeepalivedSyntax.parse(file, configIds, reader, lenient);
        ProblemCollector problems = new ProblemCollector(lenient);
        for (ConfigProblem p : syntax.problems()) {
            if (p.severity() == ConfigProblem.Severity.ERROR) {
                problems.error(p.location(), p.offending(), p.message());
            } else {
                problems.warning(p.location(), p.offending(), p.message());
            }
        }
        Optional<KeepalivedConfig> config = KeepalivedMapper.map(syntax.statements(), problems);
        return new Result(config, problems.problems());
    }
}
