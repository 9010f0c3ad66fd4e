package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Condition;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.haproxy.SectionKind;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the model records of one proxy section from its final {@link ProxySettings}. */
final class ProxyAssembler {

    private ProxyAssembler() {
    }

    /**
     * The frontend half, or empty when it has no bind (HAProxy 2.6 warns "has no 'bind' directive.
     * Please declare it as a backend if this was intended." and the proxy accepts nothing) or an
     * unresolved ACL (reported here).
     */
    static Optional<Frontend> frontend(Section section, ProxySettings s, ProblemCollector problems) {
        String context = section.describe();
        List<Bind> binds = new ArrayList<>();
        for (Token address : section.headerArguments()) {
            binds.addAll(BindLine.endpoints(address, context, problems, Optional.empty()));
        }
        binds.addAll(s.binds);
        Set<String> defined = s.acls.stream().map(a -> a.acl().name()).collect(Collectors.toSet());
        List<BackendRule> rules = new ArrayList<>();
        boolean ok = true;
        for (ProxySettings.Rule rule : s.rules) {
            for (Token acl : rule.acls()) {
                String name = acl.text().startsWith("!") ? acl.text().substring(1) : acl.text();
                if (!defined.contains(name)) {
                    problems.error(acl.location(), name, "no such ACL in " + context + ": declare it with 'acl "
                            + name + " CRITERION VALUE...' in that section");
                    ok = false;
                }
            }
            rules.add(new BackendRule(rule.backend().text(), new Condition(rule.unless(),
                    rule.acls().stream().map(Token::text).collect(Collectors.toList()))));
        }
        if (binds.isEmpty()) {
            if (s.bindWritten || !section.headerArguments().isEmpty()) {
                return Optional.empty(); // its bind lines were reported
            }
            problems.warning(section.location(), section.name(), context + " has no 'bind' directive. Please declare"
                    + " it as a backend if this was intended.");
            return Optional.empty();
        }
        if (!ok) {
            return Optional.empty();
        }
        Optional<String> defaultBackend = Optional.ofNullable(s.defaultBackend).map(Token::text);
        if (defaultBackend.isEmpty() && section.kind() == SectionKind.LISTEN) {
            defaultBackend = Optional.of(section.name());
        }
        List<Acl> acls = s.acls.stream().map(ProxySettings.LocatedAcl::acl).collect(Collectors.toList());
        return Optional.of(new Frontend(section.name(), binds, s.mode, timeouts(s), s.maxconn, acls, rules,
                defaultBackend, log(s, true), options(s)));
    }

    static Backend backend(Section section, ProxySettings s) {
        Optional<HealthCheck> check = Optional.ofNullable(s.httpCheck)
                .map(c -> new HealthCheck(c.method(), c.uri(), c.version(), s.expects));
        return new Backend(section.name(), s.mode, s.balance,
                s.servers.stream().map(ProxySettings.LocatedServer::server).collect(Collectors.toList()), check,
                timeouts(s), s.retries, s.redispatch, options(s), log(s, false));
    }

    /** HAProxy 2.6 warns "proxy 'x' uses http-check rules without 'option httpchk', so the rules are ignored." */
    static void checkExpectsWithoutHttpchk(Section section, ProxySettings s, ProblemCollector problems) {
        if (section.kind().hasBackendCapability() && s.httpCheck == null && !s.expects.isEmpty()) {
            problems.warning(s.expectsAt, "http-check", section.describe() + " uses http-check rules without"
                    + " 'option httpchk', so the rules are ignored.");
        }
    }

    /** The names a frontend half refers to: its default_backend and use_backend targets. */
    static List<Token> backendReferences(ProxySettings s) {
        List<Token> names = new ArrayList<>();
        s.rules.forEach(rule -> names.add(rule.backend()));
        if (s.defaultBackend != null) {
            names.add(s.defaultBackend);
        }
        return names;
    }

    private static Timeouts timeouts(ProxySettings s) {
        return new Timeouts(t(s, "client"), t(s, "server"), t(s, "connect"), t(s, "http-request"),
                t(s, "http-keep-alive"), t(s, "queue"), t(s, "tunnel"), t(s, "check"));
    }

    private static Optional<Duration> t(ProxySettings s, String name) {
        return Optional.ofNullable(s.timeouts.get(name));
    }

    /** @param frontend captures belong to the frontend half (4.2 "capture": frontend and listen only) */
    private static LogSettings log(ProxySettings s, boolean frontend) {
        return new LogSettings(s.logGlobal, s.logTargets, s.logFormat, s.dontLogNull,
                Optional.ofNullable(s.customLogFormat), frontend ? s.requestCaptures : List.of(),
                frontend ? s.responseCaptures : List.of());
    }

    private static ProxyOptions options(ProxySettings s) {
        return new ProxyOptions(Optional.ofNullable(s.forwardFor), s.connectionMode);
    }

    static Set<String> names(List<Backend> backends) {
        Set<String> names = new HashSet<>();
        backends.forEach(b -> names.add(b.name()));
        return names;
    }
}
