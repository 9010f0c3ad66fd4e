package dev.fulcrum.config.keepalived.model;

import static dev.fulcrum.config.keepalived.model.Configs.check;
import static dev.fulcrum.config.keepalived.model.Configs.problems;
import static dev.fulcrum.config.keepalived.model.Configs.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.config.emit.KeepalivedEmitter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) "lvs_method TUN [type {ipip|gue port NUM|gre} [nocsum|csum|remcsum]]". */
class TunnelTypeTest {

    private static String service(String vsMethod, String rsMethod) {
        return "virtual_server 10.0.0.1 80 {\n    protocol TCP\n    " + vsMethod + "\n"
                + "    real_server 192.168.1.11 80 {\n" + (rsMethod.isEmpty() ? "" : "        " + rsMethod + "\n") + "    }\n"
                + "    real_server 192.168.1.12 80 {\n    }\n}\n";
    }

    @Test
    void theTypeIsReadOnVirtualAndRealServers() {
        VirtualServer vs = valid(service("lvs_method TUN type gue port 6080 remcsum", "lvs_method TUN type gre csum"))
                .lvs().virtualServers().get(0);
        assertEquals(ForwardingMethod.TUN, vs.forwarding());
        assertEquals(Optional.of(new Tunnel(Tunnel.Type.GUE, 6080, Tunnel.Checksum.REMCSUM)), vs.tunnel());
        RealServer own = vs.realServers().get(0);
        assertEquals(Optional.of(ForwardingMethod.TUN), own.forwarding());
        assertEquals(Optional.of(new Tunnel(Tunnel.Type.GRE, 0, Tunnel.Checksum.CSUM)), own.tunnel());
        assertEquals(Optional.empty(), vs.realServers().get(1).tunnel(), "inherits the virtual server's");

        VirtualServer plain = valid(service("lb_kind TUN", "lvs_method TUN type ipip nocsum")).lvs().virtualServers().get(0);
        assertEquals(Optional.empty(), plain.tunnel());
        assertEquals(Optional.of(Tunnel.IPIP), plain.realServers().get(0).tunnel());
    }

    @Test
    void badTunnelSettingsAreReportedAtTheirToken() {
        assertEquals(List.of("k.conf:3:19: error: 'type': lvs_method: only TUN takes a tunnel type"),
                rejected(service("lvs_method DR type gue port 1", "")));
        assertEquals(List.of("k.conf:3:25: error: 'vxlan': expected ipip, gue or gre"),
                rejected(service("lvs_method TUN type vxlan", "")));
        assertEquals(List.of("k.conf:3:25: error: 'gue': lvs_method: a gue tunnel needs \"port NUM\""),
                rejected(service("lvs_method TUN type gue", "")));
        assertEquals(List.of("k.conf:3:34: error: '0': expected an integer 1..65535"),
                rejected(service("lvs_method TUN type gue port 0", "")));
        assertEquals(List.of("k.conf:5:33: error: 'remcsum': expected nocsum or csum"),
                rejected(service("lb_kind TUN", "lvs_method TUN type gre remcsum")));
        assertEquals(List.of("k.conf:3:30: error: 'csum': lvs_method: an ipip tunnel takes no checksum option"),
                rejected(service("lvs_method TUN type ipip csum", "")));
        assertEquals(List.of("k.conf:3:20: error: 'kind': lvs_method: expected \"type\" after TUN"),
                rejected(service("lvs_method TUN kind gre", "")));
        assertEquals(List.of("k.conf:3:24: error: lvs_method: missing argument: expected NAT|DR|TUN"
                + " [type {ipip|gue port NUM|gre} [nocsum|csum|remcsum]]"), rejected(service("lvs_method TUN type", "")));
    }

    @Test
    void theEmitterWritesWhatTheReaderReads() {
        KeepalivedConfig config = valid(service("lvs_method TUN type gue port 6080 csum", "lvs_method TUN type gre"));
        String emitted = KeepalivedEmitter.emit(config);
        assertTrue(emitted.contains("    lvs_method TUN type gue port 6080 csum\n"), emitted);
        assertTrue(emitted.contains("        lvs_method TUN type gre\n"), emitted);
        assertEquals(config.lvs(), valid(emitted).lvs());
    }

    private static List<String> rejected(String text) {
        KeepalivedConfigs.Result result = check(text);
        assertTrue(result.config().isEmpty(), () -> "expected a rejection, got " + problems(result));
        return problems(result);
    }
}
