package dev.fulcrum.proxy.route;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.sched.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A frontend's backend choice: the first {@code use_backend} rule whose condition holds, else
 * {@code default_backend} (configuration.txt 4.2 "use_backend"; conditions 7.2: the named ACLs are
 * ANDed, {@code !} negates one, {@code unless} negates the whole; ACL lines of one name are ORed).
 */
public final class Router {

    private final Map<String, List<Acl>> acls = new HashMap<>();
    private final Map<Acl, List<Network>> networks = new HashMap<>();
    private final List<BackendRule> rules;
    private final Optional<String> defaultBackend;

    /** @throws IllegalArgumentException when a {@code src} value is not an address or network */
    public Router(Frontend frontend) {
        for (Acl acl : frontend.acls()) {
            acls.computeIfAbsent(acl.name(), n -> new ArrayList<>()).add(acl);
            if (acl.criterion().fetch() == Criterion.Fetch.SRC) {
                networks.put(acl, acl.values().stream().map(Network::parse).toList());
            }
        }
        this.rules = frontend.useBackend();
        this.defaultBackend = frontend.defaultBackend();
    }

    /** The backend name for this request; empty: no rule matched and no default (HAProxy answers 503). */
    public Optional<String> route(RequestContext request) {
        for (BackendRule rule : rules) {
            boolean all = rule.condition().aclNames().stream().allMatch(term -> term.startsWith("!")
                    ? !matches(term.substring(1), request) : matches(term, request));
            if (all != rule.condition().unless()) {
                return Optional.of(rule.backend());
            }
        }
        return defaultBackend;
    }

    private boolean matches(String aclName, RequestContext request) {
        return acls.getOrDefault(aclName, List.of()).stream().anyMatch(acl -> matches(acl, request));
    }

    private boolean matches(Acl acl, RequestContext request) {
        Criterion criterion = acl.criterion();
        Optional<String> sample = switch (criterion.fetch()) {
            case PATH, PATH_BEG, PATH_END -> request.path();
            case HDR, HDR_BEG, HDR_END -> request.header(criterion.header().orElseThrow());
            case METHOD -> request.method();
            case SRC -> Optional.empty();
        };
        if (criterion.fetch() == Criterion.Fetch.SRC) {
            return networks.get(acl).stream().anyMatch(n -> n.contains(request.sourceAddress()));
        }
        if (sample.isEmpty()) {
            return false;
        }
        String value = acl.ignoreCase() ? sample.get().toLowerCase(Locale.ROOT) : sample.get();
        return acl.values().stream().map(v -> acl.ignoreCase() ? v.toLowerCase(Locale.ROOT) : v)
                .anyMatch(pattern -> switch (criterion.fetch()) {
                    case PATH_BEG, HDR_BEG -> value.startsWith(pattern);
                    case PATH_END, HDR_END -> value.endsWith(pattern);
                    default -> value.equals(pattern);
                });
    }
}
