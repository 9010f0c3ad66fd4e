package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code frontend} (or the frontend half of a {@code listen}), configuration.txt 4.
 *
 * @param binds          at least one listening address
 * @param maxconn        4.2 "maxconn"; 0: not set, the global maxconn applies
 * @param acls           7.1, in file order
 * @param useBackend     4.2 "use_backend", evaluated in order; every referenced ACL is defined
 * @param defaultBackend 4.2 "default_backend"; a listen section defaults to itself
 * @param options        the HTTP options (empty in tcp mode)
 */
public record Frontend(String name, List<Bind> binds, Mode mode, Timeouts timeouts, int maxconn, List<Acl> acls,
        List<BackendRule> useBackend, Optional<String> defaultBackend, LogSettings log, ProxyOptions options) {

    public Frontend {
        Checks.proxyName("frontend name", name);
        binds = List.copyOf(binds);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeouts, "timeouts");
        Checks.range("maxconn", maxconn, 0, Integer.MAX_VALUE);
        acls = List.copyOf(acls);
        useBackend = List.copyOf(useBackend);
        Objects.requireNonNull(defaultBackend, "defaultBackend");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        if (binds.isEmpty()) {
            throw new IllegalArgumentException("frontend '" + name + "' has no bind");
        }
        Set<String> defined = new HashSet<>();
        acls.forEach(acl -> defined.add(acl.name()));
        for (BackendRule rule : useBackend) {
            for (String acl : rule.condition().referencedAcls()) {
                if (!defined.contains(acl)) {
                    throw new IllegalArgumentException("frontend '" + name + "': ACL '" + acl + "' is not defined");
                }
            }
        }
    }

    /** The backends this frontend may send traffic to: the use_backend targets, then the default. */
    public List<String> referencedBackends() {
        List<String> names = new ArrayList<>();
        useBackend.forEach(rule -> names.add(rule.backend()));
        defaultBackend.ifPresent(names::add);
        return names;
    }
}
