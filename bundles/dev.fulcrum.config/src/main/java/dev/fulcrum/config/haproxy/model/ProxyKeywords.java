package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.config.haproxy.IntegerValue;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.haproxy.TimeValue;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies the lines of a defaults, frontend, backend or listen section to {@link ProxySettings}
 * (configuration.txt 4.2 "Alphabetically sorted keywords reference"). A later line overrides an
 * earlier one of the same keyword, and a proxy's lines override its defaults, as in HAProxy; log
 * targets, ACLs, rules, binds, servers and http-check rules accumulate. Any keyword not handled here
 * is reported as unsupported.
 */
final class ProxyKeywords {

    /** configuration.txt 4.2 "timeout": the supported ones. */
    static final List<String> TIMEOUTS = List.of("client", "server", "connect", "http-request", "http-keep-alive",
            "queue", "tunnel", "check");

    private ProxyKeywords() {
    }

    static void apply(Section section, ProxySettings settings, ProblemCollector problems) {
        Scope scope = new Scope(section);
        for (Line line : section.lines()) {
            apply(line, scope, settings, problems);
        }
    }

    private static void apply(Line line, Scope scope, ProxySettings s, ProblemCollector problems) {
        String context = scope.describe();
        switch (line.keyword()) {
            case "mode":
                mode(line, problems).ifPresent(m -> s.mode = m);
                return;
            case "timeout":
                timeout(line, context, s, problems);
                return;
            case "maxconn":
                if (scope.allows(line, "maxconn", true, false, problems)) {
                    integer(line, "maxconn", problems).ifPresent(v -> s.maxconn = v);
                }
                return;
            case "retries":
                if (scope.allows(line, "retries", false, true, problems)) {
                    integer(line, "retries", problems).ifPresent(v -> s.retries = v);
                }
                return;
            case "log":
                log(line, context, s, problems);
                return;
            case "log-format":
                logFormat(line, s, problems);
                return;
            case "capture":
                if (scope.notInDefaults(line, problems) && scope.allows(line, "capture", true, false, problems)) {
                    CaptureLines.apply(line, context, s, problems);
                }
                return;
            case "option":
                OptionLines.apply(line, 0, scope, s, problems);
                return;
            case "no":
                no(line, scope, s, problems);
                return;
            case "balance":
                if (scope.allows(line, "balance", false, true, problems)) {
                    BalanceLine.parse(line, problems).ifPresent(b -> {
                        s.balance = b;
                        s.balanceAt = line.location();
                    });
                }
                return;
            case "default_backend":
                if (scope.allows(line, "default_backend", true, false, problems)) {
                    Words.require(line, 0, "default_backend", "a backend name", problems)
                            .filter(t -> Words.noMore(line, 1, "default_backend", problems))
                            .ifPresent(t -> s.defaultBackend = t);
                }
                return;
            case "use_backend":
                if (scope.notInDefaults(line, problems) && scope.allows(line, "use_backend", true, false, problems)) {
                    AclLines.useBackend(line, context, problems).ifPresent(s.rules::add);
                }
                return;
            case "acl":
                if (scope.notInDefaults(line, problems)) {
                    if (!scope.section().kind().hasFrontendCapability()) {
                        problems.unsupported(line.location(), "acl", context + " (Fulcrum uses ACLs only in the"
                                + " use_backend rules of a frontend or listen section)");
                        return;
                    }
                    AclLines.acl(line, context, problems).ifPresent(a -> s.acls.add(
                            new ProxySettings.LocatedAcl(a, line.location())));
                }
                return;
            case "bind":
                if (scope.notInDefaults(line, problems) && scope.allows(line, "bind", true, false, problems)) {
                    s.bindWritten = true;
                    s.binds.addAll(BindLine.parse(line, context, problems));
                }
                return;
            case "server":
                if (scope.notInDefaults(line, problems) && scope.allows(line, "server", false, true, problems)) {
                    ServerLine.parse(line, context, s.serverDefaults, problems).ifPresent(server -> addServer(line,
                            server, scope, s, problems));
                }
                return;
            case "default-server":
                // 4.1: defaults, listen and backend sections.
                if (scope.allows(line, "default-server", false, true, problems)) {
                    ServerLine.parseDefaults(line, context, s.serverDefaults, problems);
                }
                return;
            case "http-check":
                if (scope.allows(line, "http-check", false, true, problems)) {
                    HttpCheckLine.expect(line, context, problems).ifPresent(e -> {
                        s.expects.add(e);
                        s.expectsAt = s.expectsAt == null ? line.location() : s.expectsAt;
                    });
                }
                return;
            default:
                problems.unsupported(line.location(), line.keyword(), context);
        }
    }

    /** configuration.txt 4.2 "mode { tcp|http }". */
    private static Optional<Mode> mode(Line line, ProblemCollector problems) {
        Optional<Token> word = Words.require(line, 0, "mode", "tcp or http", problems);
        if (word.isEmpty() || !Words.noMore(line, 1, "mode", problems)) {
            return Optional.empty();
        }
        switch (word.get().text()) {
            case "tcp":
                return Optional.of(Mode.TCP);
            case "http":
                return Optional.of(Mode.HTTP);
            default:
                problems.error(word.get().location(), word.get().text(), "unknown proxy mode: expected tcp or http");
                return Optional.empty();
        }
    }

    private static void timeout(Line line, String context, ProxySettings s, ProblemCollector problems) {
        Optional<Token> name = Words.require(line, 0, "timeout", "one of " + String.join(", ", TIMEOUTS), problems);
        if (name.isEmpty()) {
            return;
        }
        if (!TIMEOUTS.contains(name.get().text())) {
            problems.unsupported(name.get().location(), "timeout " + name.get().text(), context);
            return;
        }
        String keyword = "timeout " + name.get().text();
        Optional<Token> value = Words.require(line, 1, keyword, "a time such as 30s", problems);
        if (value.isPresent() && Words.noMore(line, 2, keyword, problems)) {
            Optional<Duration> parsed = TimeValue.parse(value.get(), problems);
            parsed.ifPresent(d -> s.timeouts.put(name.get().text(), d));
        }
    }

    private static Optional<Integer> integer(Line line, String keyword, ProblemCollector problems) {
        Optional<Token> value = Words.require(line, 0, keyword, "an integer from 0", problems);
        if (value.isEmpty() || !Words.noMore(line, 1, keyword, problems)) {
            return Optional.empty();
        }
        OptionalInt parsed = IntegerValue.parse(value.get(), 0, Integer.MAX_VALUE, problems);
        return parsed.isPresent() ? Optional.of(parsed.getAsInt()) : Optional.empty();
    }

    /** configuration.txt 4.2 "log global" and "log &lt;target&gt; ..."; "no log" clears. */
    private static void log(Line line, String context, ProxySettings s, ProblemCollector problems) {
        if (line.argument(0).map(t -> t.text().equals("global")).orElse(false)) {
            if (Words.noMore(line, 1, "log global", problems)) {
                s.logGlobal = true;
            }
            return;
        }
        LogLines.target(line, context, problems).ifPresent(s.logTargets::add);
    }

    /**
     * 4.2 "log-format &lt;string&gt;": one word (HAProxy 2.6: "expects only one argument, don't forget
     * to escape spaces!"); it replaces option httplog/tcplog and is replaced by them, the last one wins.
     */
    private static void logFormat(Line line, ProxySettings s, ProblemCollector problems) {
        Optional<Token> format = Words.require(line, 0, "log-format", "a format string such as \"%ci:%cp [%tr] %ST %r\"",
                problems);
        if (format.isEmpty()) {
            return;
        }
        Optional<Token> extra = line.argument(1);
        if (extra.isPresent()) {
            problems.error(extra.get().location(), extra.get().text(), "'log-format' expects one argument: escape the"
                    + " spaces of the format ('\\ ') or put it in double quotes");
            return;
        }
        LogFormatParser.parse(format.get(), problems).ifPresent(custom -> {
            s.logFormat = LogFormat.CUSTOM;
            s.customLogFormat = custom;
            s.logFormatAt = line.location();
        });
    }

    /** {@code no option NAME} and {@code no log}; other "no" forms are unsupported. */
    private static void no(Line line, Scope scope, ProxySettings s, ProblemCollector problems) {
        Optional<Token> what = Words.require(line, 0, "no", "option NAME or log", problems);
        if (what.isEmpty()) {
            return;
        }
        if (what.get().text().equals("option")) {
            OptionLines.apply(line, 1, scope, s, problems);
        } else if (what.get().text().equals("log")) {
            if (Words.noMore(line, 1, "no log", problems)) {
                s.logGlobal = false;
                s.logTargets.clear();
            }
        } else {
            problems.unsupported(what.get().location(), "no " + what.get().text(), scope.describe());
        }
    }

    /** Server names are unique within a backend (HAProxy 2.6 cfgparse: "has the same name as another server"). */
    private static void addServer(Line line, dev.fulcrum.api.model.proxy.Server server, Scope scope, ProxySettings s,
            ProblemCollector problems) {
        for (ProxySettings.LocatedServer earlier : s.servers) {
            if (earlier.server().name().equals(server.name())) {
                problems.error(line.argument(0).orElseThrow().location(), server.name(), "duplicate server name in "
                        + scope.describe() + ": already declared at " + earlier.location());
                return;
            }
        }
        s.servers.add(new ProxySettings.LocatedServer(server, line.location()));
    }
}
