package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code backend} (or the backend half of a {@code listen}), configuration.txt 4.
 *
 * @param servers     in file order, names unique
 * @param healthCheck {@code option httpchk}; empty: {@code check} servers get TCP checks
 * @param retries     4.2 "retries", {@value #DEFAULT_RETRIES} by default
 * @param redispatch  4.2 "option redispatch"
 * @param options     the HTTP options (empty in tcp mode)
 */
public record Backend(String name, Mode mode, Balance balance, List<Server> servers, Optional<HealthCheck> healthCheck,
        Timeouts timeouts, int retries, boolean redispatch, ProxyOptions options, LogSettings log) {

    public static final int DEFAULT_RETRIES = 3;

    public Backend {
        Checks.proxyName("backend name", name);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(balance, "balance");
        servers = List.copyOf(servers);
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(timeouts, "timeouts");
        Checks.range("retries", retries, 0, Integer.MAX_VALUE);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(log, "log");
        Set<String> names = new HashSet<>();
        for (Server server : servers) {
            if (!names.add(server.name())) {
                throw new IllegalArgumentException("backend '" + name + "': duplicate server '" + server.name() + "'");
            }
        }
    }

    public Optional<Server> server(String serverName) {
        return servers.stream().filter(s -> s.name().equals(serverName)).findFirst();
    }
}
