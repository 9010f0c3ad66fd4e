package dev.fulcrum.config.check;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.config.keepalived.SourceReader;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fulcrum check}: parses and validates keepalived.conf and haproxy.cfg files and prints
 * every problem, like {@code haproxy -c} / {@code keepalived -t}. Exit codes: 0 valid, 1 invalid,
 * 2 an input could not be checked at all (missing, unreadable, of unknown kind, bad arguments).
 * Pure apart from reading the named files: the environment and the default config ids are given.
 */
public final class ConfigCheck {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNREADABLE = 2;

    /** The outcome: the exit code, what goes to standard output and what goes to standard error. */
    public record Report(int exitCode, String output, String errors) {
    }

    private final Map<String, String> environment;
    private final Set<String> defaultConfigIds;

    /**
     * @param environment      what haproxy.cfg's {@code "$NAME"} expands to (the process environment)
     * @param defaultConfigIds keepalived's config ids when the command line gives none
     */
    public ConfigCheck(Map<String, String> environment, Set<String> defaultConfigIds) {
        this.environment = Map.copyOf(environment);
        this.defaultConfigIds = Set.copyOf(defaultConfigIds);
    }

    /**
     * The launcher's entry point, called reflectively (so the launcher needs no compile-time
     * dependency on this bundle): real environment, config id = the host name (read by the
     * launcher) up to its first dot.
     */
    public static int main(String[] args, String hostName, PrintStream out, PrintStream err) {
        ConfigCheck check = new ConfigCheck(System.getenv(), Set.of(HostName.configId(hostName)));
        Report report = check.run(List.of(args));
        out.print(report.output());
        out.flush();
        err.print(report.errors());
        err.flush();
        return report.exitCode();
    }

    /** Parses the command line and checks; a malformed command line is exit 2. */
    public Report run(List<String> args) {
        CheckRequest request;
        try {
            request = CheckRequest.parse(args, defaultConfigIds);
        } catch (IllegalArgumentException e) {
            return new Report(UNREADABLE, "", "fulcrum check: " + e.getMessage() + "\n");
        }
        return check(request);
    }

    /** Reads every file first: when one cannot be read or classified nothing is checked (exit 2). */
    public Report check(CheckRequest request) {
        List<Source> sources = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        for (CheckRequest.Input input : request.inputs()) {
            String text;
            try {
                text = read(input.file());
            } catch (IOException e) {
                errors.append("fulcrum check: cannot read ").append(input.file()).append(": ")
                        .append(reason(e)).append('\n');
                continue;
            }
            Optional<ConfigKind> kind = input.kind().or(() -> ConfigKind.detect(text));
            if (kind.isEmpty()) {
                errors.append("fulcrum check: ").append(input.file()).append(": cannot tell a keepalived.conf from a "
                        + "haproxy.cfg (the first keyword is neither global_defs, vrrp_*, virtual_server... nor "
                        + "global, defaults, frontend, backend, listen); use --keepalived FILE or --haproxy FILE\n");
                continue;
            }
            sources.add(new Source(input.file(), kind.get(), text));
        }
        if (errors.length() > 0) {
            return new Report(UNREADABLE, "", errors.toString());
        }
        StringBuilder out = new StringBuilder();
        int errorCount = 0;
        int warningCount = 0;
        for (Source source : sources) {
            List<ConfigProblem> problems = problems(source, request);
            int fileErrors = 0;
            for (ConfigProblem problem : problems) {
                out.append(problem.format()).append('\n');
                if (problem.severity() == ConfigProblem.Severity.ERROR) {
                    fileErrors++;
                }
            }
            int fileWarnings = problems.size() - fileErrors;
            out.append(source.file()).append(" (").append(source.kind().label()).append("): ")
                    .append(fileErrors == 0 ? "valid" : "invalid").append(", ")
                    .append(count(fileErrors, fileWarnings)).append('\n');
            errorCount += fileErrors;
            warningCount += fileWarnings;
        }
        if (errorCount == 0) {
            out.append("Configuration is valid").append(warningCount == 0 ? "" : " (" + plural(warningCount, "warning") + ")")
                    .append('\n');
            return new Report(VALID, out.toString(), "");
        }
        out.append(count(errorCount, warningCount)).append('\n');
        return new Report(INVALID, out.toString(), "");
    }

    private List<ConfigProblem> problems(Source source, CheckRequest request) {
        if (source.kind() == ConfigKind.HAPROXY) {
            try {
                return HaproxyConfigs.load(source.file(), source.text(), environment, request.lenient()).warnings();
            } catch (ConfigException e) {
                return e.problems();
            }
        }
        // The main file is read once (for detection); included files still come from the disk.
        SourceReader disk = SourceReader.fileSystem();
        SourceReader reader = new SourceReader() {
            @Override
            public String read(Path file) throws IOException {
                return file.equals(source.file()) ? source.text() : disk.read(file);
            }

            @Override
            public List<Path> glob(Path directory, String pattern) throws IOException {
                return disk.glob(directory, pattern);
            }
        };
        return KeepalivedConfigs.check(source.file(), request.configIds(), reader, request.lenient()).problems();
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
        }
        // Malformed bytes become U+FFFD, as the keepalived reader does: the parser reports them.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String count(int errors, int warnings) {
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private record Source(Path file, ConfigKind kind, String text) {
    }
}
