package dev.fulcrum.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

    @Test
    void theEmptyStateHasNothingToDo() {
        assertTrue(DesiredState.EMPTY.vrrp().instances().isEmpty());
        assertTrue(DesiredState.EMPTY.lvs().virtualServers().isEmpty());
        assertTrue(DesiredState.EMPTY.proxy().frontends().isEmpty());
        assertEquals(ProxyGlobal.DEFAULT_MAXCONN, DesiredState.EMPTY.proxy().global().maxconn());
    }

    @Test
    void eachSourceReplacesOnlyItsOwnPart() {
        ProxyConfig proxy = new ProxyConfig(ProxyGlobal.defaults(), List.of(), List.of());
        DesiredState withProxy = DesiredState.EMPTY.withProxy(proxy);
        assertSame(proxy, withProxy.proxy());
        assertSame(DesiredState.EMPTY.vrrp(), withProxy.vrrp());
        DesiredState withKeepalived = withProxy.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY, LvsConfig.EMPTY);
        assertSame(proxy, withKeepalived.proxy());
    }

    @Test
    void everyPartIsRequired() {
        assertThrows(NullPointerException.class, () -> new DesiredState(null, VrrpConfig.EMPTY, LvsConfig.EMPTY,
                DesiredState.EMPTY.proxy()));
    }
}
