package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Condition;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.CustomLogFormat;
import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogVariable;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.StatsSocket;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid proxy models (the records' invariants: unique names, defined ACLs, existing backends) in
 * the shapes the haproxy.cfg reader can produce. Lists are short so that a property run takes
 * seconds. Where the reader cannot give a value back, the generator leaves it out, with the
 * reason; see each method.
 */
final class ProxyArbitraries {

    private ProxyArbitraries() {
    }

    static Arbitrary<ProxyConfig> configs() {
        Arbitrary<List<Backend>> backends = ModelText.names().list().ofMaxSize(3).uniqueElements()
                .flatMap(names -> ModelText.all(names.stream().map(ProxyArbitraries::backend).toList()));
        return backends.flatMap(bs -> {
            List<String> names = bs.stream().map(Backend::name).toList();
            Arbitrary<List<Frontend>> frontends = ModelText.names().list().ofMaxSize(3).uniqueElements()
                    .flatMap(fnames -> ModelText.all(fnames.stream().map(n -> frontend(n, names)).toList()));
            return Combinators.combine(global(), frontends).as((g, fs) -> new ProxyConfig(g, fs, bs));
        });
    }

    static Arbitrary<ProxyGlobal> global() {
        Arbitrary<Optional<StatsSocket>> socket = Combinators.combine(ModelText.text(),
                Arbitraries.of(StatsSocket.LEVELS)).as(StatsSocket::new).optional();
        return Combinators.combine(logTarget().list().ofMaxSize(2), Arbitraries.integers().between(1, 100_000),
                ModelText.text().optional(), ModelText.text().optional(), Arbitraries.of(true, false),
                ModelText.text().optional(), Arbitraries.integers().between(1, ProxyGlobal.MAX_THREADS).optional(),
                socket).as((logs, maxconn, user, group, daemon, chroot, threads, stats) -> new ProxyGlobal(logs, maxconn,
                        user, group, daemon, chroot, threads.map(OptionalInt::of).orElse(OptionalInt.empty()), stats));
    }

    /** A log address is any word but "global", which "log global" means instead (configuration.txt 4.2 "log"). */
    static Arbitrary<LogTarget> logTarget() {
        return Combinators.combine(ModelText.text().filter(a -> !a.equals("global")),
                Arbitraries.of(LogTarget.FACILITIES), Arbitraries.of(LogTarget.LEVELS).optional())
                .as(LogTarget::new);
    }

    static Arbitrary<Backend> backend(String name) {
        return Arbitraries.of(Mode.values()).flatMap(mode -> {
            Arbitrary<List<Server>> servers = ModelText.text().list().ofMaxSize(3).uniqueElements()
                    .flatMap(ns -> ModelText.all(ns.stream().map(ProxyArbitraries::server).toList()));
            return Combinators.combine(balance(mode), servers, healthCheck().optional(), timeouts(),
                    Arbitraries.integers().between(0, 10), Arbitraries.of(true, false), options(mode), log(mode, false))
                    .as((balance, ss, check, t, retries, redispatch, options, log) -> new Backend(name, mode, balance, ss,
                            check, t, retries, redispatch, options, log));
        });
    }

    static Arbitrary<Frontend> frontend(String name, List<String> backends) {
        return Arbitraries.of(Mode.values()).flatMap(mode -> {
            Arbitrary<List<Acl>> acls = acl().list().ofMaxSize(3);
            Arbitrary<Optional<String>> defaultBackend = backends.isEmpty() ? Arbitraries.just(Optional.empty())
                    : Arbitraries.of(backends).optional();
            return Combinators.combine(bind().list().ofMinSize(1).ofMaxSize(2), timeouts(),
                    Arbitraries.integers().between(0, 100_000), acls, defaultBackend, log(mode, true), options(mode))
                    .flatAs((binds, t, maxconn, as, db, log, options) -> rules(as, backends)
                            .map(rules -> new Frontend(name, binds, mode, t, maxconn, as, rules, db, log, options)));
        });
    }

    /** use_backend rules over the defined ACLs, optionally negated with "!" (7.2). */
    static Arbitrary<List<BackendRule>> rules(List<Acl> acls, List<String> backends) {
        if (acls.isEmpty() || backends.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<String> reference = Combinators.combine(Arbitraries.of(acls.stream().map(Acl::name).toList()),
                Arbitraries.of(true, false)).as((n, negated) -> negated ? "!" + n : n);
        Arbitrary<Condition> condition = Combinators.combine(Arbitraries.of(true, false),
                reference.list().ofMinSize(1).ofMaxSize(2)).as(Condition::new);
        return Combinators.combine(Arbitraries.of(backends), condition).as(BackendRule::new).list().ofMaxSize(2);
    }

    /**
     * 7.1 ACLs. "or" is no ACL name a condition can use: use_backend reads it as the OR operator
     * (7.2), so it is left out. Values are never empty: the last word of a line cannot be empty
     * (configuration.txt 2.2; the reader drops a trailing "" as HAProxy's parse_line() does).
     */
    static Arbitrary<Acl> acl() {
        Arbitrary<Criterion> criterion = Arbitraries.of(Criterion.Fetch.values()).flatMap(f -> f.takesHeader()
                ? ModelText.text().map(h -> Criterion.header(f, h)) : Arbitraries.just(Criterion.of(f)));
        return Combinators.combine(ModelText.names().filter(n -> !n.equals("or")), criterion, Arbitraries.of(true, false))
                .flatAs((name, c, ignoreCase) -> (c.fetch() == Criterion.Fetch.SRC ? ModelText.network()
                        : ModelText.text()).list().ofMinSize(1).ofMaxSize(3)
                        .map(values -> new Acl(name, c, ignoreCase, values)));
    }

    static Arbitrary<Bind> bind() {
        Arbitrary<PortRange> ports = Arbitraries.integers().between(1, 65535).flatMap(first -> Arbitraries.oneOf(
                Arbitraries.just(PortRange.of(first)), Arbitraries.integers().between(first, 65535)
                        .map(last -> new PortRange(first, last))));
        // ALPN protocols never contain a comma: the bind line writes them as one comma-separated list (5.1 "alpn").
        Arbitrary<TlsSettings> tls = Combinators.combine(ModelText.text().list().ofMinSize(1).ofMaxSize(2),
                ModelText.text().filter(p -> p.indexOf(',') < 0).list().ofMaxSize(2)).as(TlsSettings::new);
        return Combinators.combine(ModelText.address(), ports, tls.optional()).as(Bind::new);
    }

    static Arbitrary<Server> server(String name) {
        Arbitrary<Duration> positive = ModelText.positiveTime();
        return Combinators.combine(ModelText.address(), Arbitraries.integers().between(0, 65535), positive,
                Arbitraries.of(true, false), positive.optional(), positive.optional(), Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(1, 9))
                .flatAs((host, port, inter, check, fast, down, rise, fall) -> Combinators.combine(
                        Arbitraries.integers().between(0, Server.MAX_WEIGHT), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false),
                        Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positive), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1_000))
                        .as((weight, backup, maxconn, disabled, slowstart, sendProxy, maxqueue) -> new Server(name, host,
                                port, check, inter, fast.orElse(inter), down.orElse(inter), rise, fall, weight, backup,
                                maxconn, disabled, slowstart, sendProxy, OptionalInt.of(maxqueue))));
    }

    /** Layer-7 algorithms only in http mode: HAProxy (and the reader) fall back to roundrobin in tcp mode (4.2 "balance"). */
    static Arbitrary<Balance> balance(Mode mode) {
        Arbitrary<Balance> any = Arbitraries.oneOf(
                Arbitraries.of(Algorithm.ROUNDROBIN, Algorithm.STATIC_RR, Algorithm.LEASTCONN, Algorithm.FIRST,
                        Algorithm.SOURCE, Algorithm.RDP_COOKIE, Algorithm.RANDOM).map(Balance::of),
                ModelText.text().map(Balance::rdpCookie),
                Arbitraries.integers().between(1, 20).map(Balance::random),
                ModelText.text().map(Balance::hash),
                Combinators.combine(Arbitraries.integers().between(1, 99).optional(),
                        Arbitraries.integers().between(1, 9).optional(), Arbitraries.of(true, false))
                        .as((len, depth, whole) -> Balance.uri(len.map(OptionalInt::of).orElse(OptionalInt.empty()),
                                depth.map(OptionalInt::of).orElse(OptionalInt.empty()), whole)),
                Combinators.combine(ModelText.text(), Arbitraries.of(true, false)).as(Balance::urlParam),
                Combinators.combine(ModelText.text(), Arbitraries.of(true, false)).as(Balance::hdr));
        return mode == Mode.HTTP ? any : any.filter(b -> !b.algorithm().needsHttp());
    }

    static Arbitrary<HealthCheck> healthCheck() {
        Arbitrary<HttpCheckExpect> expect = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.of(HttpCheckExpect.Match.values())).flatAs((negated, match) -> patterns(match)
                        .map(p -> new HttpCheckExpect(negated, match, p)));
        return Combinators.combine(ModelText.text(), ModelText.text(), ModelText.text(), expect.list().ofMaxSize(2))
                .as(HealthCheck::new);
    }

    /** The reader checks status lists and compiles the regular expressions (4.2 "http-check expect"). */
    private static Arbitrary<String> patterns(HttpCheckExpect.Match match) {
        switch (match) {
            case STATUS:
                return Arbitraries.of("200", "200-399", "200,302", "404");
            case RSTATUS:
            case RSTRING:
                return Arbitraries.of("^2[0-9]{2}$", "OK", "a b", "\\d+", "[\"']x");
            default:
                return ModelText.text();
        }
    }

    static Arbitrary<Timeouts> timeouts() {
        Arbitrary<Optional<Duration>> t = ModelText.time().optional();
        return Combinators.combine(t, t, t, t, t, t, t, t).as(Timeouts::new);
    }

    /**
     * In tcp mode HAProxy (and the reader) turn httplog into tcplog (4.2 "option httplog") and refuse
     * the http-only variables of a log-format; captures belong to frontends only (4.2 "capture").
     */
    static Arbitrary<LogSettings> log(Mode mode, boolean frontend) {
        Arbitrary<LogFormat> formats = mode == Mode.HTTP ? Arbitraries.of(LogFormat.values())
                : Arbitraries.of(LogFormat.DEFAULT, LogFormat.TCP, LogFormat.CUSTOM);
        Arbitrary<List<HeaderCapture>> captures = frontend ? Combinators.combine(
                Arbitraries.of("Host", "User-Agent", "X-Forwarded-For", "Content-Type"),
                Arbitraries.integers().between(1, 100_000)).as(HeaderCapture::new).list().ofMaxSize(3)
                : Arbitraries.just(List.of());
        return Combinators.combine(Arbitraries.of(true, false), logTarget().list().ofMaxSize(2), formats,
                Arbitraries.of(true, false), captures, captures).as((global, targets, format, dontLogNull, requests,
                        responses) -> new LogSettings(global, targets, format, dontLogNull,
                        format == LogFormat.CUSTOM ? Optional.of(customFormat(mode)) : Optional.empty(), requests,
                        responses));
    }

    /** A log-format string and what the reader makes of it (8.2.6). */
    private static CustomLogFormat customFormat(Mode mode) {
        if (mode == Mode.TCP) {
            return new CustomLogFormat("%ci:%cp  %{+Q,+X}o%B 100%%", List.of(LogFormatNode.Field.plain(LogVariable.CLIENT_IP),
                    new LogFormatNode.Text(":"), LogFormatNode.Field.plain(LogVariable.CLIENT_PORT),
                    new LogFormatNode.Separator(), new LogFormatNode.Field(LogVariable.BYTES_READ, true, true, false),
                    new LogFormatNode.Separator(), new LogFormatNode.Text("100%")));
        }
        return new CustomLogFormat("\"%{+E}HU\" $x #%hr", List.of(new LogFormatNode.Text("\""),
                new LogFormatNode.Field(LogVariable.HTTP_URI, false, false, true), new LogFormatNode.Text("\""),
                new LogFormatNode.Separator(), new LogFormatNode.Text("$x"), new LogFormatNode.Separator(),
                new LogFormatNode.Text("#"), LogFormatNode.Field.plain(LogVariable.CAPTURED_REQUEST_HEADERS)));
    }

    /** HTTP options only in http mode: in tcp mode HAProxy (and the reader) ignore them (ProxyOptions). */
    static Arbitrary<ProxyOptions> options(Mode mode) {
        if (mode == Mode.TCP) {
            return Arbitraries.just(ProxyOptions.DEFAULT);
        }
        Arbitrary<ForwardFor> forwardFor = Combinators.combine(ModelText.network().optional(),
                Arbitraries.oneOf(Arbitraries.just(ForwardFor.DEFAULT_HEADER), ModelText.text()), Arbitraries.of(true, false))
                .as(ForwardFor::new);
        return Combinators.combine(forwardFor.optional(), Arbitraries.of(HttpConnectionMode.values()))
                .as(ProxyOptions::new);
    }
}
