package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf(5) "LVS CONFIGURATION": virtual_server_group blocks, then virtual_server blocks
 * with their real_server blocks, in model order; the checkers are {@link KeepalivedCheckers}'.
 */
final class KeepalivedLvs {

    private KeepalivedLvs() {
    }

    static void emit(LvsConfig lvs, ConfigText out) {
        lvs.groups().forEach(g -> group(g, out));
        lvs.virtualServers().forEach(v -> virtualServer(v, out));
    }

    /** "virtual_server_group &lt;STRING&gt; { &lt;IPADDR&gt;[-&lt;LAST&gt;] [&lt;PORT&gt;]; fwmark &lt;INT&gt; }". */
    private static void group(VirtualServerGroup g, ConfigText out) {
        out.open("virtual_server_group " + out.quote(g.name()));
        for (VirtualServerGroup.Member m : g.members()) {
            if (m instanceof VirtualServerGroup.Fwmark) {
                out.raw("fwmark " + ((VirtualServerGroup.Fwmark) m).mark());
            } else {
                VirtualServerGroup.AddressRange r = (VirtualServerGroup.AddressRange) m;
                String text = KeepalivedWords.address(r.first());
                if (!r.last().equals(r.first())) {
                    // The range end replaces the last octet (IPv4, decimal) or the last 16 bits (IPv6, hex).
                    byte[] b = r.last().getAddress();
                    text += "-" + (b.length == 4 ? Integer.toString(b[3] & 0xFF)
                            : Integer.toHexString(((b[14] & 0xFF) << 8) | (b[15] & 0xFF)));
                }
                out.raw(r.port() == 0 ? text : text + " " + r.port());
            }
        }
        out.close();
    }

    private static void virtualServer(VirtualServer v, ConfigText out) {
        out.open("virtual_server " + key(v.key(), out));
        KeepalivedEmitter.seconds(out, "delay_loop", v.delayLoop(), VirtualServer.DEFAULT_DELAY_LOOP);
        if (v.scheduler() != Scheduler.DEFAULT) {
            out.line("lb_algo", v.scheduler().ipvsName());
        }
        if (v.forwarding() != ForwardingMethod.NAT) {
            // keepalived.conf(5) documents the tunnel type under lvs_method (lb_kind is its older alias).
            out.line(v.tunnel().isPresent() ? "lvs_method" : "lb_kind", method(v.forwarding(), v.tunnel()));
        }
        v.persistence().ifPresent(p -> persistence(p, out));
        // Always written for address and group services: keepalived defaults a missing one to UDP.
        if (!(v.key() instanceof ServiceKey.Fwmark) || v.protocol() != dev.fulcrum.api.model.lvs.Protocol.TCP) {
            out.line("protocol", v.protocol().name());
        }
        v.sorryServer().ifPresent(e -> out.line("sorry_server", KeepalivedWords.address(e.address()),
                Integer.toString(e.port())));
        KeepalivedEmitter.flag(out, "sorry_server_inhibit", v.sorryServerInhibit());
        if (v.quorum() != VirtualServer.DEFAULT_QUORUM) {
            out.line("quorum", Integer.toString(v.quorum()));
        }
        if (v.hysteresis() != VirtualServer.DEFAULT_HYSTERESIS) {
            out.line("hysteresis", Integer.toString(v.hysteresis()));
        }
        v.quorumUp().ifPresent(c -> out.line("quorum_up", c));
        v.quorumDown().ifPresent(c -> out.line("quorum_down", c));
        KeepalivedEmitter.flag(out, "inhibit_on_failure", v.inhibitOnFailure());
        KeepalivedEmitter.flag(out, "alpha", v.alpha());
        KeepalivedEmitter.flag(out, "omega", v.omega());
        KeepalivedEmitter.flag(out, "ha_suspend", v.haSuspend());
        v.virtualhost().ifPresent(h -> out.line("virtualhost", h));
        KeepalivedEmitter.flag(out, "flag-1", v.flags().flag1());
        KeepalivedEmitter.flag(out, "flag-2", v.flags().flag2());
        KeepalivedEmitter.flag(out, "flag-3", v.flags().flag3());
        KeepalivedEmitter.flag(out, "ops", v.ops());
        v.realServers().forEach(r -> realServer(r, out));
        out.close();
    }

    /** "virtual_server &lt;IPADDR&gt; &lt;PORT&gt;", "virtual_server fwmark &lt;INT&gt;", "virtual_server group &lt;STRING&gt;". */
    private static String key(ServiceKey key, ConfigText out) {
        if (key instanceof ServiceKey.Fwmark) {
            return "fwmark " + ((ServiceKey.Fwmark) key).mark();
        }
        if (key instanceof ServiceKey.Group) {
            return "group " + out.quote(((ServiceKey.Group) key).name());
        }
        ServiceKey.Address a = (ServiceKey.Address) key;
        return KeepalivedWords.address(a.address()) + " " + a.port();
    }

    /** "persistence_timeout &lt;INT&gt;" (whole seconds) and "persistence_granularity &lt;NETMASK&gt;". */
    private static void persistence(Persistence p, ConfigText out) {
        out.line("persistence_timeout", KeepalivedWords.seconds(p.timeout()));
        p.granularity().ifPresent(g -> out.line("persistence_granularity", KeepalivedWords.address(g)));
    }

    /**
     * "real_server &lt;IPADDR&gt; &lt;PORT&gt; { ... }"; inhibit_on_failure is always written because a
     * real server without it inherits the virtual server's.
     */
    private static void realServer(RealServer r, ConfigText out) {
        out.open("real_server " + KeepalivedWords.address(r.address()) + " " + r.port());
        if (r.weight() != RealServer.DEFAULT_WEIGHT) {
            out.line("weight", Integer.toString(r.weight()));
        }
        r.forwarding().ifPresent(f -> out.line("lvs_method", method(f, r.tunnel())));
        out.line("inhibit_on_failure", Boolean.toString(r.inhibitOnFailure()));
        r.notifyUp().ifPresent(c -> out.line("notify_up", c));
        r.notifyDown().ifPresent(c -> out.line("notify_down", c));
        if (r.upperThreshold() != 0) {
            out.line("uthreshold", Integer.toString(r.upperThreshold()));
        }
        if (r.lowerThreshold() != 0) {
            out.line("lthreshold", Integer.toString(r.lowerThreshold()));
        }
        r.checkers().forEach(c -> KeepalivedCheckers.checker(c, out));
        out.close();
    }

    /** "TUN type gue port 6080 csum"; a default option (nocsum) is not written. */
    private static String[] method(ForwardingMethod forwarding, Optional<Tunnel> tunnel) {
        List<String> words = new ArrayList<>(List.of(forwarding.name()));
        tunnel.ifPresent(t -> {
            words.addAll(List.of("type", t.type().keyword()));
            if (t.type() == Tunnel.Type.GUE) {
                words.addAll(List.of("port", Integer.toString(t.port())));
            }
            if (t.checksum() != Tunnel.Checksum.NOCSUM) {
                words.add(t.checksum().keyword());
            }
        });
        return words.toArray(String[]::new);
    }

    static String address(InetAddress a) {
        return KeepalivedWords.address(a);
    }
}
