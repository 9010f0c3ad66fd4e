package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole proxy configuration: one haproxy.cfg. A {@code listen} section appears as a frontend
 * and a backend of the same name, as HAProxy builds it internally (configuration.txt 4 "Proxies":
 * a listen section has both capabilities).
 *
 * @param global    the process-wide settings (configuration.txt 3)
 * @param frontends in file order; names are unique
 * @param backends  in file order; names are unique, and every backend a frontend names exists
 */
public record ProxyConfig(ProxyGlobal global, List<Frontend> frontends, List<Backend> backends) {

    public ProxyConfig {
        Objects.requireNonNull(global, "global");
        frontends = List.copyOf(frontends);
        backends = List.copyOf(backends);
        Set<String> names = new HashSet<>();
        for (Backend backend : backends) {
            if (!names.add(backend.name())) {
                throw new IllegalArgumentException("duplicate backend name '" + backend.name() + "'");
            }
        }
        Set<String> frontendNames = new HashSet<>();
        for (Frontend frontend : frontends) {
            if (!frontendNames.add(frontend.name())) {
                throw new IllegalArgumentException("duplicate frontend name '" + frontend.name() + "'");
            }
            for (String used : frontend.referencedBackends()) {
                if (!names.contains(used)) {
                    throw new IllegalArgumentException("frontend '" + frontend.name() + "' uses unknown backend '"
                            + used + "'");
                }
            }
        }
    }

    public Optional<Frontend> frontend(String name) {
        return frontends.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<Backend> backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
