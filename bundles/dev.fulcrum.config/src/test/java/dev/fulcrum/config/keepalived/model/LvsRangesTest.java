package dev.fulcrum.config.keepalived.model;

import static dev.fulcrum.config.keepalived.model.Configs.check;
import static dev.fulcrum.config.keepalived.model.Configs.problems;
import static dev.fulcrum.config.keepalived.model.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the reader and the model must agree with keepalived.conf(5) and IPVS: optional ports (0),
 * port 0 only for persistent services, quorum from 1, persistence in whole seconds up to 31 days.
 */
class LvsRangesTest {

    private static List<String> rejected(String text) {
        KeepalivedConfigs.Result result = check(text);
        assertTrue(result.config().isEmpty(), "expected a rejection");
        return problems(result);
    }

    private static VirtualServer only(String text) {
        return valid(text).lvs().virtualServers().get(0);
    }

    @Test
    void aVirtualServerWithoutAPortServesEveryPortWhenPersistent() {
        VirtualServer every = only("virtual_server 10.0.0.1 {\n    persistence_timeout 300\n"
                + "    real_server 10.0.1.1 {\n    }\n}\n");
        assertEquals(0, ((ServiceKey.Address) every.key()).port());
        assertEquals(Duration.ofSeconds(300), every.persistence().orElseThrow().timeout());
        RealServer real = every.realServers().get(0);
        assertEquals(0, real.port(), "real_server <IPADDR> [<PORT>]: no port");

        VirtualServer zero = only("virtual_server 10.0.0.1 0 {\n    persistence_timeout\n}\n");
        assertEquals(0, ((ServiceKey.Address) zero.key()).port());
    }

    @Test
    void portZeroWithoutPersistenceIsRejectedAsIpvsDoes() {
        String message = "virtual_server without a port (or port 0) serves every port, which IPVS allows only with"
                + " persistence_timeout";
        assertEquals(List.of("k.conf:1:1: error: 'virtual_server': " + message),
                rejected("virtual_server 10.0.0.1 {\n}\n"));
        assertEquals(List.of("k.conf:1:1: error: 'virtual_server': " + message),
                rejected("virtual_server 10.0.0.1 0 {\n}\n"));
    }

    @Test
    void portsAreAtMost65535AndFwmarkOrGroupNeedTheirValue() {
        assertEquals(List.of("k.conf:1:25: error: '65536': expected an integer 0..65535"),
                rejected("virtual_server 10.0.0.1 65536 {\n}\n"));
        assertEquals(List.of("k.conf:2:26: error: '-1': expected an integer 0..65535"),
                rejected("virtual_server 10.0.0.1 80 {\n    real_server 10.0.1.1 -1 {\n    }\n}\n"));
        assertEquals(List.of("k.conf:1:1: error: 'virtual_server': virtual_server fwmark: expected <IPADDR> [<PORT>],"
                + " fwmark <INT> or group <NAME>"), rejected("virtual_server fwmark {\n}\n"));
    }

    @Test
    void aSorryServerWithoutAPortUsesTheServicePort() {
        VirtualServer server = only("virtual_server 10.0.0.1 80 {\n    sorry_server 10.0.9.9\n}\n");
        assertEquals(0, server.sorryServer().orElseThrow().port());
    }

    @Test
    void quorumStartsAt1() {
        assertEquals(List.of("k.conf:2:12: error: '0': expected an integer 1..2147483647"),
                rejected("virtual_server 10.0.0.1 80 {\n    quorum 0\n}\n"));
    }

    @Test
    void persistenceIsWholeSecondsUpTo31Days() {
        assertEquals(List.of("k.conf:2:25: error: '2678401': expected an integer 1..2678400"),
                rejected("virtual_server 10.0.0.1 80 {\n    persistence_timeout 2678401\n}\n"));
        assertEquals(List.of("k.conf:2:25: error: '1.5': expected an integer 1..2678400"),
                rejected("virtual_server 10.0.0.1 80 {\n    persistence_timeout 1.5\n}\n"));
        assertEquals(Duration.ofDays(31), only("virtual_server 10.0.0.1 80 {\n    persistence_timeout 2678400\n}\n")
                .persistence().orElseThrow().timeout());
    }
}
