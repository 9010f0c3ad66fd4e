package dev.fulcrum.config.haproxy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.Server;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** configuration.txt 4 "Proxies": which defaults apply, and how a proxy's own lines override them. */
class DefaultsModelTest {

    private static final String F = "/etc/haproxy/haproxy.cfg";

    private static ProxyConfig load(String text) throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load(text);
        assertEquals(List.of(), Fixtures.format(loaded.warnings()));
        return loaded.config();
    }

    @Test
    void ownLineOverridesTheDefaultsLineOfTheSameKeyword() throws ConfigException {
        ProxyConfig config = load("defaults\n    mode http\n    timeout client 1m\n    timeout server 1m\n"
                + "    retries 3\nfrontend fe\n    bind :80\n    timeout client 5s\n    default_backend be\n"
                + "backend be\n    mode tcp\n    retries 7\n");
        Frontend fe = config.frontend("fe").orElseThrow();
        Backend be = config.backend("be").orElseThrow();
        assertEquals(Optional.of(Duration.ofSeconds(5)), fe.timeouts().client());
        assertEquals(Optional.of(Duration.ofMinutes(1)), fe.timeouts().server());
        assertEquals(Mode.HTTP, fe.mode());
        assertEquals(Mode.TCP, be.mode());
        assertEquals(7, be.retries());
    }

    @Test
    void defaultServerLinesSetTheParametersOfTheServerLinesAfterThem() throws ConfigException {
        ProxyConfig config = load("defaults\n    default-server check inter 3s maxqueue 5\n"
                + "backend be\n    server s0 10.0.0.9:80\n    default-server weight 10\n"
                + "    server s1 10.0.0.1:80\n    server s2 10.0.0.2:80 maxqueue 0 weight 2 fall 4\n");
        Backend be = config.backend("be").orElseThrow();
        Server s0 = be.server("s0").orElseThrow();
        Server s1 = be.server("s1").orElseThrow();
        Server s2 = be.server("s2").orElseThrow();
        assertEquals(List.of(true, Duration.ofSeconds(3), Duration.ofSeconds(3), OptionalInt.of(5), 1),
                List.of(s0.check(), s0.inter(), s0.fastinter(), s0.maxqueue(), s0.weight()), "from the defaults section");
        assertEquals(List.of(OptionalInt.of(5), 10), List.of(s1.maxqueue(), s1.weight()),
                "the backend's default-server adds to the defaults section's");
        assertEquals(List.of(OptionalInt.empty(), 2, 4, true), List.of(s2.maxqueue(), s2.weight(), s2.fall(), s2.check()),
                "a server line's own parameters win; maxqueue 0 is no limit");
    }

    @Test
    void aDefaultServerLineWithAnErrorChangesNothing() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Fixtures.load(
                "backend be\n    default-server weight 3 maxqueue -1\n    server s1 10.0.0.1:80\n"));
        assertEquals(List.of(F + ":2:38: error: '-1': out of range: expected an integer from 0 to 2147483647"),
                e.problems().stream().map(dev.fulcrum.api.config.ConfigProblem::format).toList());
    }

    @Test
    void theLastDefaultsSectionBeforeAProxyApplies() throws ConfigException {
        ProxyConfig config = load("defaults\n    mode http\nbackend a\ndefaults\n    timeout connect 3s\nbackend b\n");
        assertEquals(Mode.HTTP, config.backend("a").orElseThrow().mode());
        assertEquals(Optional.empty(), config.backend("a").orElseThrow().timeouts().connect());
        assertEquals(Mode.TCP, config.backend("b").orElseThrow().mode(), "a new defaults section resets");
        assertEquals(Optional.of(Duration.ofSeconds(3)), config.backend("b").orElseThrow().timeouts().connect());
    }

    @Test
    void fromChainsInheritAcrossLevels() throws ConfigException {
        ProxyConfig config = load("defaults base\n    mode http\n    timeout connect 3s\n"
                + "defaults web from base\n    timeout connect 4s\n    option dontlognull\n"
                + "defaults other\n    mode tcp\nbackend be from web\n");
        Backend be = config.backend("be").orElseThrow();
        assertEquals(Mode.HTTP, be.mode());
        assertEquals(Optional.of(Duration.ofSeconds(4)), be.timeouts().connect());
        assertTrue(be.log().dontLogNull());
    }

    @Test
    void noOptionCancelsADefaultsOption() throws ConfigException {
        ProxyConfig config = load("defaults\n    mode http\n    option httplog\n    option dontlognull\n"
                + "    option httpchk /health\nbackend be\n    no option httplog\n    no option dontlognull\n"
                + "    no option httpchk\n");
        Backend be = config.backend("be").orElseThrow();
        assertEquals(LogFormat.DEFAULT, be.log().format());
        assertFalse(be.log().dontLogNull());
        assertEquals(Optional.empty(), be.healthCheck());
    }

    @Test
    void logTargetsAccumulateAndNoLogClears() throws ConfigException {
        ProxyConfig config = load("defaults\n    log global\n    log 10.0.0.1 local1\nbackend a\n"
                + "    log 10.0.0.2 local2 err\nbackend b\n    no log\n");
        Backend a = config.backend("a").orElseThrow();
        assertTrue(a.log().global());
        assertEquals(List.of(new LogTarget("10.0.0.1", "local1", Optional.empty()),
                new LogTarget("10.0.0.2", "local2", Optional.of("err"))), a.log().targets());
        Backend b = config.backend("b").orElseThrow();
        assertFalse(b.log().global());
        assertEquals(List.of(), b.log().targets());
    }

    @Test
    void anErrorInASharedDefaultsSectionIsReportedOnce() {
        assertEquals(List.of(F + ":2:10: error: 'ftp': unknown proxy mode: expected tcp or http"),
                Fixtures.problems("defaults\n    mode ftp\nbackend a\nbackend b\n"));
    }

    @Test
    void anUnusedDefaultsSectionIsStillChecked() {
        assertEquals(List.of(F + ":4:5: error: 'errorfile': unsupported keyword in defaults section"),
                Fixtures.problems("backend a\ndefaults\n    mode http\n    errorfile 503 /etc/503.http\n"));
    }
}
