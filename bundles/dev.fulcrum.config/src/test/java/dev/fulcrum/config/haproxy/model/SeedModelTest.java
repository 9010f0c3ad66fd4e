package dev.fulcrum.config.haproxy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The seed's haproxy.cfg examples (RHEL 7 Load Balancer Administration 5.2-5.5 and A.4, test
 * resources of the syntax layer) mapped to the model, field by field.
 */
class SeedModelTest {

    private static final String CHAPTER_5 = Fixtures.resource("seed-5.2-global.cfg")
            + Fixtures.resource("seed-5.3-defaults.cfg") + Fixtures.resource("seed-5.4-frontend.cfg")
            + Fixtures.resource("seed-5.5-backend.cfg");

    private static ProxyConfig chapter5() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load(CHAPTER_5);
        assertEquals(List.of(), Fixtures.format(loaded.warnings()));
        return loaded.config();
    }

    @Test
    void globalSection() throws ConfigException {
        ProxyGlobal global = chapter5().global();
        assertEquals(List.of(new LogTarget("127.0.0.1", "local2", Optional.empty())), global.logTargets());
        assertEquals(4000, global.maxconn());
        assertEquals(Optional.of("haproxy"), global.user());
        assertEquals(Optional.of("haproxy"), global.group());
        assertTrue(global.daemon());
        assertEquals(Optional.empty(), global.chroot());
        assertEquals(OptionalInt.empty(), global.nbthread());
        assertEquals(Optional.empty(), global.statsSocket());
    }

    @Test
    void defaultsTimeoutsApplyToBothProxies() throws ConfigException {
        ProxyConfig config = chapter5();
        Timeouts expected = new Timeouts(Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ofMinutes(1)),
                Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(10)), Optional.empty(),
                Optional.of(Duration.ofMinutes(1)), Optional.empty(), Optional.empty());
        assertEquals(expected, config.frontend("main").orElseThrow().timeouts());
        assertEquals(expected, config.backend("app").orElseThrow().timeouts());
    }

    @Test
    void defaultsModeLogAndRetriesApply() throws ConfigException {
        Frontend main = chapter5().frontend("main").orElseThrow();
        Backend app = chapter5().backend("app").orElseThrow();
        assertEquals(Mode.HTTP, main.mode());
        assertEquals(Mode.HTTP, app.mode());
        assertTrue(main.log().global());
        assertEquals(LogFormat.HTTP, main.log().format());
        assertTrue(main.log().dontLogNull());
        assertEquals(3, app.retries());
    }

    @Test
    void frontendBindAndDefaultBackend() throws ConfigException {
        Frontend main = chapter5().frontend("main").orElseThrow();
        assertEquals(List.of(new Bind("192.168.0.10", PortRange.of(80), Optional.empty())), main.binds());
        assertEquals(Optional.of("app"), main.defaultBackend());
        assertEquals(List.of(), main.useBackend());
        assertEquals(0, main.maxconn());
    }

    @Test
    void backendBalanceAndFourServers() throws ConfigException {
        Backend app = chapter5().backend("app").orElseThrow();
        assertEquals(Algorithm.ROUNDROBIN, app.balance().algorithm());
        assertEquals(List.of("app1", "app2", "app3", "app4"), app.servers().stream().map(Server::name).toList());
        assertEquals(List.of(true, true, true, false), app.servers().stream().map(Server::check).toList());
        assertEquals(List.of(false, false, false, true), app.servers().stream().map(Server::backup).toList());
        Server app1 = app.server("app1").orElseThrow();
        assertEquals("192.168.1.1", app1.host());
        assertEquals(80, app1.port());
        assertEquals(Duration.ofSeconds(2), app1.inter());
        assertEquals(2, app1.rise());
        assertEquals(3, app1.fall());
        assertEquals(1, app1.weight());
        Server app3 = app.server("app3").orElseThrow();
        assertEquals(Duration.ofSeconds(2), app3.inter());
        assertEquals(4, app3.rise());
        assertEquals(3, app3.fall());
        assertEquals("192.168.1.4", app.server("app4").orElseThrow().host());
    }

    @Test
    void appendixA4WithARealVip() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load(Fixtures.resource("model/seed-A.4-corrected.cfg"));
        assertEquals(List.of("/etc/haproxy/haproxy.cfg:1:19: warning: '*:80': listening address on the 'frontend'"
                + " line: HAProxy 1.x short form of 'bind', which HAProxy 2.6 rejects; Fulcrum accepts it"),
                Fixtures.format(loaded.warnings()));
        ProxyConfig config = loaded.config();
        Frontend web = config.frontend("http_web").orElseThrow();
        assertEquals(List.of(new Bind("0.0.0.0", PortRange.of(80), Optional.empty())), web.binds());
        assertEquals(Mode.HTTP, web.mode());
        assertEquals(Optional.of("rgw"), web.defaultBackend());
        Frontend https = config.frontend("rgw-https").orElseThrow();
        assertEquals(List.of(new Bind("192.168.122.10", PortRange.of(443), Optional.of(new TlsSettings(
                List.of("/etc/ssl/private/example.com.pem"), List.of())))), https.binds());
        assertEquals(Mode.TCP, https.mode(), "no defaults section and no mode line: HAProxy's default tcp");
        Backend rgw = config.backend("rgw").orElseThrow();
        assertEquals(Algorithm.ROUNDROBIN, rgw.balance().algorithm());
        assertEquals(List.of("10.0.0.71", "10.0.0.80"), rgw.servers().stream().map(Server::host).toList());
        assertTrue(rgw.servers().stream().allMatch(Server::check));
        assertEquals(ProxyGlobal.defaults(), config.global());
    }

    @Test
    void appendixA4AsPublishedIsRejectedAtThePlaceholder() {
        List<String> errors = Fixtures.problems(Fixtures.resource("seed-A.4-haproxy.cfg")).stream()
                .filter(p -> p.contains(": error: ")).toList();
        assertEquals(List.of(
                "/etc/haproxy/haproxy.cfg:6:16: error: 'bind vip': unsupported keyword in frontend 'rgw-https'",
                "/etc/haproxy/haproxy.cfg:6:8: error: '<insert': invalid character '<' in host name '<insert':"
                        + " expected an IP address or a host name of letters, digits, '-', '_' and '.'"), errors);
    }
}
