package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Condition;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.model.proxy.TlsSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Models haproxy.cfg has no spelling for are refused, not written as text that reads back differently. */
class HaproxyUnwritableTest {

    private static final Backend BE = new Backend("be", Mode.HTTP, Balance.DEFAULT, List.of(), Optional.empty(),
            Timeouts.NONE, Backend.DEFAULT_RETRIES, false, ProxyOptions.DEFAULT, LogSettings.NONE);

    private static ProxyConfig with(Bind bind, List<Acl> acls, List<BackendRule> rules) {
        Frontend fe = new Frontend("fe", List.of(bind), Mode.HTTP, Timeouts.NONE, 0, acls, rules, Optional.of("be"),
                LogSettings.NONE, ProxyOptions.DEFAULT);
        return new ProxyConfig(ProxyGlobal.defaults(), List.of(fe), List.of(BE));
    }

    private static final Bind PLAIN = new Bind("0.0.0.0", PortRange.of(80), Optional.empty());

    @Test
    void aLogTargetNamedGlobal() {
        ProxyGlobal global = new ProxyGlobal(List.of(new LogTarget("global", "local0", Optional.empty())), 2000,
                Optional.empty(), Optional.empty(), false, Optional.empty(), OptionalInt.empty(), Optional.empty());
        ProxyConfig config = new ProxyConfig(global, List.of(), List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HaproxyEmitter.emit(config)).getMessage()
                .contains("'log global'"));
    }

    @Test
    void anAlpnProtocolWithAComma() {
        Bind tls = new Bind("0.0.0.0", PortRange.of(443), Optional.of(new TlsSettings(List.of("/c.pem"), List.of("h2,x"))));
        assertThrows(IllegalArgumentException.class, () -> HaproxyEmitter.emit(with(tls, List.of(), List.of())));
    }

    @Test
    void anEmptyLastAclValue() {
        Acl acl = new Acl("a", Criterion.of(Criterion.Fetch.PATH), false, List.of("/x", ""));
        assertThrows(IllegalArgumentException.class, () -> HaproxyEmitter.emit(with(PLAIN, List.of(acl), List.of())));
    }

    @Test
    void anAclNamedOrInACondition() {
        Acl acl = new Acl("or", Criterion.of(Criterion.Fetch.PATH), false, List.of("/x"));
        BackendRule rule = new BackendRule("be", new Condition(false, List.of("or")));
        assertThrows(IllegalArgumentException.class, () -> HaproxyEmitter.emit(with(PLAIN, List.of(acl), List.of(rule))));
    }

    @Test
    void anEmptyAclValueBeforeTheLastIsWritten() throws Exception {
        Acl acl = new Acl("a", Criterion.of(Criterion.Fetch.PATH), false, List.of("", "/x"));
        ProxyConfig config = with(PLAIN, List.of(acl), List.of());
        assertEquals(config, HaproxyCorpusRoundTripTest.read(HaproxyEmitter.emit(config)));
    }
}
