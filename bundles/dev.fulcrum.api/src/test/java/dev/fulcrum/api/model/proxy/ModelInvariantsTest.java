package dev.fulcrum.api.model.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelInvariantsTest {

    private static Frontend frontend(List<Acl> acls, List<BackendRule> rules, Optional<String> defaultBackend) {
        return new Frontend("fe", List.of(new Bind("0.0.0.0", PortRange.of(80), Optional.empty())), Mode.HTTP,
                Timeouts.NONE, 0, acls, rules, defaultBackend, LogSettings.NONE, ProxyOptions.DEFAULT);
    }

    private static Backend backend(String name, List<Server> servers) {
        return new Backend(name, Mode.HTTP, Balance.DEFAULT, servers, Optional.empty(), Timeouts.NONE,
                Backend.DEFAULT_RETRIES, false, ProxyOptions.DEFAULT, LogSettings.NONE);
    }

    @Test
    void serverDefaultsAreHaproxys() {
        Server server = Server.of("s1", "10.0.0.1", 80);
        assertEquals(Duration.ofSeconds(2), server.inter());
        assertEquals(Duration.ofSeconds(2), server.fastinter());
        assertEquals(Duration.ofSeconds(2), server.downinter());
        assertEquals(2, server.rise());
        assertEquals(3, server.fall());
        assertEquals(1, server.weight());
        assertEquals(0, server.maxconn());
    }

    @Test
    void serverWeightAbove256IsRejected() {
        Server ok = Server.of("s", "h", 1);
        assertThrows(IllegalArgumentException.class, () -> new Server("s", "h", 1, false, ok.inter(), ok.inter(),
                ok.inter(), 2, 3, 257, false, 0, false, Duration.ZERO, false));
    }

    @Test
    void maxqueueZeroIsNoLimitAndNegativeIsRejected() {
        Server ok = Server.of("s", "h", 1);
        assertEquals(OptionalInt.empty(), ok.maxqueue());
        assertEquals(OptionalInt.empty(), new Server("s", "h", 1, false, ok.inter(), ok.inter(), ok.inter(), 2, 3, 1,
                false, 0, false, Duration.ZERO, false, OptionalInt.of(0)).maxqueue());
        assertThrows(IllegalArgumentException.class, () -> new Server("s", "h", 1, false, ok.inter(), ok.inter(),
                ok.inter(), 2, 3, 1, false, 0, false, Duration.ZERO, false, OptionalInt.of(-1)));
    }

    @Test
    void portRangeMustBeOrderedAndInRange() {
        assertThrows(IllegalArgumentException.class, () -> new PortRange(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PortRange(90, 80));
        assertThrows(IllegalArgumentException.class, () -> new PortRange(1, 65536));
        assertEquals(new PortRange(80, 80), PortRange.of(80));
    }

    @Test
    void listsAreCopied() {
        List<Server> servers = new ArrayList<>(List.of(Server.of("a", "h", 1)));
        Backend backend = backend("be", servers);
        servers.add(Server.of("b", "h", 2));
        assertEquals(1, backend.servers().size());
        assertThrows(UnsupportedOperationException.class, () -> backend.servers().add(Server.of("c", "h", 3)));
    }

    @Test
    void duplicateServerNamesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> backend("be", List.of(Server.of("a", "h", 1), Server.of("a", "h", 2))));
    }

    @Test
    void frontendRulesMayOnlyUseDefinedAcls() {
        BackendRule rule = new BackendRule("be", new Condition(false, List.of("!is_api")));
        assertThrows(IllegalArgumentException.class, () -> frontend(List.of(), List.of(rule), Optional.empty()));
        Acl acl = new Acl("is_api", Criterion.of(Criterion.Fetch.PATH_BEG), false, List.of("/api"));
        assertEquals(List.of("is_api"), frontend(List.of(acl), List.of(rule), Optional.empty()).useBackend().get(0)
                .condition().referencedAcls());
    }

    @Test
    void configRejectsUnknownBackendReference() {
        Frontend fe = frontend(List.of(), List.of(), Optional.of("missing"));
        assertThrows(IllegalArgumentException.class,
                () -> new ProxyConfig(ProxyGlobal.defaults(), List.of(fe), List.of(backend("be", List.of()))));
        ProxyConfig config = new ProxyConfig(ProxyGlobal.defaults(), List.of(frontend(List.of(), List.of(),
                Optional.of("be"))), List.of(backend("be", List.of())));
        assertTrue(config.backend("be").isPresent());
    }

    @Test
    void balanceArgumentsBelongToTheirAlgorithm() {
        assertThrows(IllegalArgumentException.class, () -> new Balance(Algorithm.ROUNDROBIN, OptionalInt.of(5),
                OptionalInt.empty(), false, Optional.empty(), false, false, 0, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Balance(Algorithm.HDR, OptionalInt.empty(),
                OptionalInt.empty(), false, Optional.empty(), false, false, 0, Optional.empty()));
        assertEquals(Optional.of("mstshash"), Balance.of(Algorithm.RDP_COOKIE).name());
        assertEquals(2, Balance.of(Algorithm.RANDOM).draws());
        assertEquals(Optional.of(Algorithm.STATIC_RR), Algorithm.forKeyword("static-rr"));
    }

    @Test
    void logTargetValidatesFacilityAndLevel() {
        assertThrows(IllegalArgumentException.class, () -> new LogTarget("/dev/log", "local8", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new LogTarget("/dev/log", "local0", Optional.of("verbose")));
        assertEquals(24, LogTarget.FACILITIES.size());
    }

    @Test
    void globalDefaultsUseTheSeedsMaxconn() {
        assertEquals(2000, ProxyGlobal.defaults().maxconn());
        assertThrows(IllegalArgumentException.class, () -> new ProxyGlobal(List.of(), 2000, Optional.empty(),
                Optional.empty(), false, Optional.empty(), OptionalInt.of(65), Optional.empty()));
    }

    @Test
    void tlsNeedsACertificateAndAclNeedsAValue() {
        assertThrows(IllegalArgumentException.class, () -> new TlsSettings(List.of(), List.of("h2")));
        assertThrows(IllegalArgumentException.class,
                () -> new Acl("a", Criterion.of(Criterion.Fetch.SRC), false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Criterion(Criterion.Fetch.HDR, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Acl("a b", Criterion.of(Criterion.Fetch.SRC), false,
                List.of("10.0.0.0/8")));
    }
}
