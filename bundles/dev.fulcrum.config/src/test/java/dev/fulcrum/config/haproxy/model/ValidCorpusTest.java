package dev.fulcrum.config.haproxy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
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
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.StatsSocket;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** model/everything.cfg: every mapped keyword with a non-default value, asserted field by field. */
class ValidCorpusTest {

    private static ProxyConfig config;

    @BeforeAll
    static void load() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load(Fixtures.resource("model/everything.cfg"));
        assertEquals(List.of(), Fixtures.format(loaded.warnings()));
        config = loaded.config();
    }

    private static Frontend frontend(String name) {
        return config.frontend(name).orElseThrow();
    }

    private static Backend backend(String name) {
        return config.backend(name).orElseThrow();
    }

    @Test
    void global() {
        ProxyGlobal global = config.global();
        assertEquals(List.of(new LogTarget("/dev/log", "local0", Optional.empty()),
                new LogTarget("127.0.0.1:514", "local2", Optional.of("notice"))), global.logTargets());
        assertEquals(50000, global.maxconn());
        assertEquals(Optional.of("haproxy"), global.user());
        assertEquals(Optional.of("haproxy"), global.group());
        assertTrue(global.daemon());
        assertEquals(Optional.of("/var/lib/haproxy"), global.chroot());
        assertEquals(OptionalInt.of(4), global.nbthread());
        assertEquals(Optional.of(new StatsSocket("/run/haproxy/admin.sock", "admin")), global.statsSocket());
    }

    @Test
    void proxiesInFileOrderListenSplitInTwo() {
        assertEquals(List.of("www", "stats", "rdp"), config.frontends().stream().map(Frontend::name).toList());
        assertEquals(List.of("app", "api", "static", "stats", "rdp", "hashed", "leastconn"),
                config.backends().stream().map(Backend::name).toList());
        assertEquals(Optional.of("stats"), frontend("stats").defaultBackend());
        assertEquals(List.of(new Bind("0.0.0.0", PortRange.of(9000), Optional.empty())), frontend("stats").binds());
    }

    @Test
    void defaultsTimeoutsWithTheFrontendsOwnOverride() {
        Timeouts fromDefaults = backend("app").timeouts();
        assertEquals(new Timeouts(Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofSeconds(45)),
                Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(10)),
                Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofMinutes(1)),
                Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofSeconds(3))), fromDefaults);
        assertEquals(Optional.of(Duration.ofSeconds(20)), frontend("www").timeouts().client());
        assertEquals(fromDefaults.server(), frontend("www").timeouts().server());
    }

    @Test
    void frontendBinds() {
        assertEquals(List.of(new Bind("192.168.0.10", PortRange.of(80), Optional.empty()),
                new Bind("0.0.0.0", PortRange.of(443), Optional.of(new TlsSettings(List.of("/etc/ssl/a.pem",
                        "/etc/ssl/b.pem"), List.of("h2", "http/1.1")))),
                new Bind("10.0.0.1", new PortRange(8000, 8010), Optional.empty())), frontend("www").binds());
    }

    @Test
    void frontendMaxconnModeAndLogging() {
        Frontend www = frontend("www");
        assertEquals(1000, www.maxconn());
        assertEquals(3000, frontend("stats").maxconn(), "maxconn of the defaults section");
        assertEquals(Mode.HTTP, www.mode());
        assertTrue(www.log().global());
        assertEquals(LogFormat.HTTP, www.log().format());
        assertTrue(www.log().dontLogNull());
        assertEquals(List.of(), www.log().targets());
    }

    @Test
    void frontendOptionsFromDefaults() {
        assertEquals(new ForwardFor(Optional.of("127.0.0.0/8"), "X-Real-IP", true),
                frontend("www").options().forwardFor().orElseThrow());
        assertEquals(HttpConnectionMode.SERVER_CLOSE, frontend("www").options().connectionMode());
    }

    @Test
    void acls() {
        assertEquals(List.of(
                new Acl("is_api", Criterion.of(Criterion.Fetch.PATH_BEG), false, List.of("/api/")),
                new Acl("is_img", Criterion.of(Criterion.Fetch.PATH_END), true, List.of(".png", ".jpg")),
                new Acl("is_root", Criterion.of(Criterion.Fetch.PATH), false, List.of("/")),
                new Acl("host_example", Criterion.header(Criterion.Fetch.HDR, "host"), true, List.of("example.com")),
                new Acl("host_beg", Criterion.header(Criterion.Fetch.HDR_BEG, "host"), false, List.of("www.")),
                new Acl("host_end", Criterion.header(Criterion.Fetch.HDR_END, "host"), false, List.of(".example.org")),
                new Acl("internal", Criterion.of(Criterion.Fetch.SRC), false, List.of("10.0.0.0/8",
                        "192.168.0.0/255.255.0.0")),
                new Acl("is_post", Criterion.of(Criterion.Fetch.METHOD), false, List.of("POST"))),
                frontend("www").acls());
    }

    @Test
    void useBackendRulesAndDefaultBackend() {
        assertEquals(List.of(new BackendRule("api", new Condition(false, List.of("is_api", "!is_post"))),
                new BackendRule("static", new Condition(true, List.of("host_example")))), frontend("www").useBackend());
        assertEquals(Optional.of("app"), frontend("www").defaultBackend());
    }

    @Test
    void serverWithEveryParameter() {
        Server app1 = backend("app").server("app1").orElseThrow();
        assertEquals(new Server("app1", "10.0.1.1", 8080, true, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(10), 4, 5, 256, false, 100, false, Duration.ofSeconds(30), true, OptionalInt.of(20)), app1);
        Server app2 = backend("app").server("app2").orElseThrow();
        assertTrue(app2.backup());
        assertTrue(app2.disabled());
        assertEquals(0, app2.weight());
        assertFalse(app2.check());
        Server app3 = backend("app").server("app3").orElseThrow();
        assertEquals("app3.internal", app3.host(), "host names stay unresolved");
        assertEquals(0, app3.port(), "no port: the client's port");
    }

    @Test
    void balanceAlgorithmsAndArguments() {
        assertEquals(Balance.uri(OptionalInt.of(32), OptionalInt.of(3), true), backend("app").balance());
        assertEquals(Balance.urlParam("userid", true), backend("api").balance());
        assertEquals(Balance.hdr("host", true), backend("static").balance());
        assertEquals(Balance.random(3), backend("stats").balance());
        assertEquals(Balance.rdpCookie("mstshash"), backend("rdp").balance());
        assertEquals(Balance.hash("req.cookie(id)"), backend("hashed").balance());
        assertEquals(Algorithm.LEASTCONN, backend("leastconn").balance().algorithm());
    }

    @Test
    void healthChecks() {
        assertEquals(Optional.of(new HealthCheck("GET", "/health", "HTTP/1.1", List.of(
                new HttpCheckExpect(false, HttpCheckExpect.Match.STATUS, "200-399"),
                new HttpCheckExpect(true, HttpCheckExpect.Match.RSTRING, "^ERROR")))), backend("app").healthCheck());
        assertEquals(Optional.of(new HealthCheck("OPTIONS", "/ping", "HTTP/1.0", List.of())),
                backend("api").healthCheck());
        assertEquals(Optional.of(new HealthCheck("HEAD", "/", "HTTP/1.0", List.of(
                new HttpCheckExpect(false, HttpCheckExpect.Match.RSTATUS, "^2"),
                new HttpCheckExpect(false, HttpCheckExpect.Match.STRING, "OK")))), backend("leastconn").healthCheck());
        assertEquals(Optional.empty(), backend("static").healthCheck());
    }

    @Test
    void retriesRedispatchAndNoOption() {
        assertEquals(5, backend("app").retries());
        assertTrue(backend("app").redispatch());
        assertEquals(0, backend("api").retries());
        assertFalse(backend("api").redispatch(), "no option redispatch cancels the defaults");
        assertEquals(HttpConnectionMode.KEEP_ALIVE, backend("api").options().connectionMode());
    }

    @Test
    void tcpListenOverridesTheDefaultsMode() {
        assertEquals(Mode.TCP, frontend("rdp").mode());
        assertEquals(Mode.TCP, backend("rdp").mode());
        assertEquals(LogFormat.TCP, frontend("rdp").log().format());
        assertEquals(Optional.empty(), frontend("rdp").options().forwardFor(), "no option forwardfor");
        assertEquals(HttpConnectionMode.KEEP_ALIVE, frontend("rdp").options().connectionMode());
        assertEquals(List.of(new Bind("0.0.0.0", PortRange.of(3389), Optional.empty())), frontend("rdp").binds());
    }
}
