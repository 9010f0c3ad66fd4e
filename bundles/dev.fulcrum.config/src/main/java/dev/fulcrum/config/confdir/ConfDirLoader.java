package dev.fulcrum.config.confdir;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.config.keepalived.SourceReader;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the configuration directory's {@value #KEEPALIVED} and {@value #HAPROXY} into one desired
 * state, strictly (an unsupported keyword is an error, as with {@code fulcrum check} without
 * {@code --lenient}). A missing file leaves its part empty. Problems of both files are reported
 * together: the state is all or nothing.
 */
final class ConfDirLoader {

    static final String KEEPALIVED = "keepalived.conf";
    static final String HAPROXY = "haproxy.cfg";

    /** A state that may be applied, and the warnings reading it gave. */
    record Loaded(DesiredState state, List<ConfigProblem> warnings) {
        Loaded {
            Objects.requireNonNull(state, "state");
            warnings = List.copyOf(warnings);
        }
    }

    private final Path directory;
    private final Set<String> configIds;
    private final Map<String, String> environment;

    /**
     * @param configIds   keepalived's config ids for {@code @id} lines (keepalived(8) -i: the host name)
     * @param environment what haproxy.cfg's {@code "${NAME}"} expands to (configuration.txt 2.3)
     */
    ConfDirLoader(Path directory, Set<String> configIds, Map<String, String> environment) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.configIds = Set.copyOf(configIds);
        this.environment = Map.copyOf(environment);
    }

    Path directory() {
        return directory;
    }

    /** The files whose changes matter, in a fixed order. */
    List<FileStamp> stamps() {
        return List.of(FileStamp.of(directory, KEEPALIVED), FileStamp.of(directory, HAPROXY));
    }

    /** @throws ConfigException with every error and warning of both files when either has an error */
    Loaded load() throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        DesiredState state = DesiredState.EMPTY;
        Path keepalived = directory.resolve(KEEPALIVED);
        if (Files.exists(keepalived)) {
            // Included files are read from the disk relative to the including file, as keepalived does.
            KeepalivedConfigs.Result result = KeepalivedConfigs.check(keepalived, configIds, SourceReader.fileSystem(), false);
            problems.addAll(result.problems());
            if (result.config().isPresent()) {
                KeepalivedConfig config = result.config().get();
                state = state.withKeepalived(config.global(), config.vrrp(), config.lvs());
            }
        }
        Path haproxy = directory.resolve(HAPROXY);
        if (Files.exists(haproxy)) {
            try {
                String text = new String(Files.readAllBytes(haproxy), StandardCharsets.UTF_8);
                HaproxyConfigs.Loaded loaded = HaproxyConfigs.load(haproxy, text, environment, false);
                problems.addAll(loaded.warnings());
                state = state.withProxy(loaded.config());
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(ConfigProblem.error(new SourceLocation(haproxy.toString(), 1, 0), "",
                        "cannot read the file: " + e));
            }
        }
        if (problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR)) {
            throw new ConfigException(problems);
        }
        return new Loaded(state, problems);
    }
}
