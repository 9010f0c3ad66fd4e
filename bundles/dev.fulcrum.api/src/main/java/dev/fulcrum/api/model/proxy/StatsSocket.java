package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * configuration.txt 3.1 "stats socket &lt;path&gt; [level user|operator|admin]": the runtime API
 * socket (management.txt 9.3). HAProxy's default level is {@code user}.
 */
public record StatsSocket(String path, String level) {

    public static final List<String> LEVELS = List.of("user", "operator", "admin");
    public static final String DEFAULT_LEVEL = "user";

    public StatsSocket {
        Checks.name("stats socket path", path);
        Objects.requireNonNull(level, "level");
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown stats socket level '" + level + "'");
        }
    }
}
