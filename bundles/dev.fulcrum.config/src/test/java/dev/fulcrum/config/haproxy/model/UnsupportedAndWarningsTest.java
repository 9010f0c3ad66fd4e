package dev.fulcrum.config.haproxy.model;

import static dev.fulcrum.config.haproxy.model.Fixtures.withBackendLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.LogFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unsupported keywords (strict and lenient) and HAProxy's start-anyway warnings. */
class UnsupportedAndWarningsTest {

    private static final String F = "/etc/haproxy/haproxy.cfg";

    @Test
    void unknownKeywordInABackendIsAnErrorWithItsLocation() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> Fixtures.load(withBackendLines("stick-table type ip size 1m")));
        assertEquals(List.of(new ConfigProblem(ConfigProblem.Severity.ERROR, new SourceLocation(F, 6, 5), "stick-table",
                "unsupported keyword in backend 'be'")), e.problems());
    }

    @Test
    void lenientModeMakesItAWarningAndKeepsTheRest() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.loadLenient(withBackendLines("stick-table type ip size 1m",
                "balance leastconn"));
        assertEquals(List.of(F + ":6:5: warning: 'stick-table': unsupported keyword in backend 'be' (ignored:"
                + " --lenient)"), Fixtures.format(loaded.warnings()));
        assertEquals(Algorithm.LEASTCONN, loaded.config().backend("be").orElseThrow().balance().algorithm());
    }

    @Test
    void lenientModeDoesNotExcuseSemanticErrors() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> Fixtures.loadLenient(withBackendLines("cookie SRV insert", "mode ftp")));
        assertEquals(List.of(F + ":6:5: warning: 'cookie': unsupported keyword in backend 'be' (ignored: --lenient)",
                F + ":7:10: error: 'ftp': unknown proxy mode: expected tcp or http"), Fixtures.format(e.problems()));
    }

    @Test
    void httplogInTcpModeFallsBackToTcplogLikeHaproxy() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load("defaults\n    mode tcp\n    option httplog\nfrontend fe\n"
                + "    bind :80\n    default_backend be\nbackend be\n    balance uri\n");
        assertEquals(List.of(
                F + ":3:5: warning: 'option httplog': 'option httplog' not usable with frontend 'fe' (needs 'mode"
                        + " http'). Falling back to 'option tcplog'.",
                F + ":3:5: warning: 'option httplog': 'option httplog' not usable with backend 'be' (needs 'mode"
                        + " http'). Falling back to 'option tcplog'.",
                F + ":8:5: warning: 'balance uri': Layer 7 hash not possible for backend 'be' (needs 'mode http')."
                        + " Falling back to round robin."), Fixtures.format(loaded.warnings()));
        assertEquals(LogFormat.TCP, loaded.config().frontend("fe").orElseThrow().log().format());
        assertEquals(Algorithm.ROUNDROBIN, loaded.config().backend("be").orElseThrow().balance().algorithm());
    }

    @Test
    void httpOnlyOptionsAreDroppedInTcpModeWithAWarning() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load("frontend fe\n    bind :80\n    option forwardfor\n"
                + "    option http-server-close\n    default_backend be\nbackend be\n");
        assertEquals(List.of(
                F + ":3:5: warning: 'option forwardfor': 'option forwardfor' ignored for frontend 'fe' as it requires"
                        + " HTTP mode.",
                F + ":4:5: warning: 'option http-server-close': 'option http-server-close' ignored for frontend 'fe'"
                        + " as it requires HTTP mode."), Fixtures.format(loaded.warnings()));
        assertEquals(Optional.empty(), loaded.config().frontend("fe").orElseThrow().options().forwardFor());
    }

    @Test
    void keywordsWithoutTheCapabilityAreIgnoredWithAWarning() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load("frontend fe\n    bind :80\n    balance roundrobin\n"
                + "    server s 1.1.1.1:80\n    default_backend be\nbackend be\n    bind :81\n    maxconn 5\n");
        assertEquals(List.of(F + ":3:5: warning: 'balance': ignored because frontend 'fe' has no backend capability",
                F + ":4:5: warning: 'server': ignored because frontend 'fe' has no backend capability",
                F + ":7:5: warning: 'bind': ignored because backend 'be' has no frontend capability",
                F + ":8:5: warning: 'maxconn': ignored because backend 'be' has no frontend capability"),
                Fixtures.format(loaded.warnings()));
        assertEquals(List.of(), loaded.config().backend("be").orElseThrow().servers());
    }

    @Test
    void frontendWithoutBindIsLeftOutWithHaproxysWarning() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load("frontend fe\n    default_backend be\nbackend be\n");
        assertEquals(List.of(F + ":1:1: warning: 'fe': frontend 'fe' has no 'bind' directive. Please declare it as a"
                + " backend if this was intended."), Fixtures.format(loaded.warnings()));
        assertTrue(loaded.config().frontends().isEmpty());
    }

    @Test
    void httpCheckRulesWithoutHttpchkAreIgnoredWithAWarning() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load(withBackendLines("http-check expect status 200"));
        assertEquals(List.of(F + ":6:5: warning: 'http-check': backend 'be' uses http-check rules without 'option"
                + " httpchk', so the rules are ignored."), Fixtures.format(loaded.warnings()));
        assertEquals(Optional.empty(), loaded.config().backend("be").orElseThrow().healthCheck());
    }

    @Test
    void unsupportedSectionsComeFromTheSyntaxLayer() {
        List<String> problems = Fixtures.problems("peers mypeers\n    peer a 10.0.0.1:1024\n" + withBackendLines());
        assertTrue(problems.get(0).startsWith(F + ":1:1: error: 'peers': unsupported"), problems.toString());
    }

    @Test
    void unsupportedServerAndBindForms() {
        assertEquals(List.of(
                F + ":2:10: error: 'bind on a UNIX socket': unsupported keyword in frontend 'fe'",
                F + ":3:14: error: 'bind accept-proxy': unsupported keyword in frontend 'fe'",
                F + ":7:15: error: 'server on a UNIX socket': unsupported keyword in backend 'be'",
                F + ":8:15: error: 'server port offset': unsupported keyword in backend 'be'",
                F + ":9:27: error: 'server cookie': unsupported keyword in backend 'be'",
                F + ":10:23: error: 'option redispatch interval': unsupported keyword in backend 'be'",
                F + ":11:5: error: 'stats': unsupported keyword in backend 'be'"),
                Fixtures.problems("frontend fe\n    bind /run/fe.sock\n    bind :80 accept-proxy\n"
                        + "    default_backend be\nbackend be\n    mode http\n    server s1 /run/app.sock\n"
                        + "    server s2 10.0.0.1:+1000\n    server s3 10.0.0.1:80 cookie a\n"
                        + "    option redispatch 5\n    stats enable\n"));
    }

    @Test
    void certificatesWithoutSslAreIgnoredWithAWarning() throws ConfigException {
        HaproxyConfigs.Loaded loaded = Fixtures.load("frontend fe\n    bind :80 crt /etc/a.pem\n"
                + "    default_backend be\nbackend be\n");
        assertEquals(List.of(F + ":2:10: warning: 'bind': 'crt' and 'alpn' are ignored without 'ssl'"),
                Fixtures.format(loaded.warnings()));
        assertEquals(Optional.empty(), loaded.config().frontend("fe").orElseThrow().binds().get(0).ssl());
    }
}
