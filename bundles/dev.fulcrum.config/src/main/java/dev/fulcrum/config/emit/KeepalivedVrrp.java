package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * keepalived.conf(5) "VRRP CONFIGURATION": vrrp_script, track_file, vrrp_sync_group and vrrp_instance blocks, in
 * model order. Values an instance or sync group inherits from global_defs when left out
 * ({@code strict_mode}, {@code smtp_alert}, {@code version}) and the ones keepalived derives from
 * others ({@code priority} from {@code state}, {@code accept} from strict mode) are always written,
 * so that each block reads back alone as it is.
 */
final class KeepalivedVrrp {

    private KeepalivedVrrp() {
    }

    static void emit(GlobalSettings global, VrrpConfig vrrp, ConfigText out) {
        vrrp.scripts().forEach(s -> script(s, out));
        vrrp.trackFiles().forEach(f -> trackFile(f, out));
        vrrp.syncGroups().forEach(g -> syncGroup(g, out));
        vrrp.instances().forEach(i -> instance(i, out));
    }

    /** "vrrp_script &lt;SCRIPT_NAME&gt; { script, interval, timeout, weight [reverse], rise, fall, user, init_fail }". */
    private static void script(VrrpScript s, ConfigText out) {
        out.open("vrrp_script " + out.quote(s.name()));
        out.line("script", s.command());
        KeepalivedEmitter.seconds(out, "interval", s.interval(), VrrpScript.DEFAULT_INTERVAL);
        s.timeout().ifPresent(t -> out.line("timeout", KeepalivedWords.seconds(t)));
        if (s.reverse()) {
            out.line("weight", Integer.toString(s.weight()), "reverse");
        } else if (s.weight() != 0) {
            out.line("weight", Integer.toString(s.weight()));
        }
        if (s.rise() != 1) {
            out.line("rise", Integer.toString(s.rise()));
        }
        if (s.fall() != 1) {
            out.line("fall", Integer.toString(s.fall()));
        }
        s.user().ifPresent(u -> out.line("user", u.split(" ", -1)));
        KeepalivedEmitter.flag(out, "init_fail", s.initFail());
        out.close();
    }

    /**
     * "track_file &lt;NAME&gt; { file, weight [reverse], init_file [VALUE] [overwrite] }", under the name
     * keepalived 2.2 documents (vrrp_track_file is its deprecated synonym); the weight always written.
     */
    private static void trackFile(VrrpTrackFile f, ConfigText out) {
        out.open("track_file " + out.quote(f.name()));
        out.line("file", f.file());
        if (f.reverse()) {
            out.line("weight", Integer.toString(f.weight()), "reverse");
        } else {
            out.line("weight", Integer.toString(f.weight()));
        }
        f.init().ifPresent(init -> {
            if (init.overwrite()) {
                out.line("init_file", Integer.toString(init.value()), "overwrite");
            } else {
                out.line("init_file", Integer.toString(init.value()));
            }
        });
        out.close();
    }

    private static void syncGroup(VrrpSyncGroup g, ConfigText out) {
        out.open("vrrp_sync_group " + out.quote(g.name()));
        out.open("group");
        g.group().forEach(member -> out.raw(out.quote(member)));
        out.close();
        trackInterfaces(g.trackInterfaces(), out);
        trackScripts(g.trackScripts(), out);
        trackFiles(g.trackFiles(), out);
        notify(g.notifyScripts(), out);
        out.line("smtp_alert", Boolean.toString(g.smtpAlert()));
        out.close();
    }

    private static void instance(VrrpInstance i, ConfigText out) {
        out.open("vrrp_instance " + out.quote(i.name()));
        out.line("state", i.initialState().name());
        out.line("interface", i.interfaceName());
        out.line("virtual_router_id", Integer.toString(i.virtualRouterId()));
        out.line("priority", Integer.toString(i.priority()));
        out.line("advert_int", KeepalivedWords.seconds(i.advertInterval()));
        out.line("version", Integer.toString(i.version()));
        i.authentication().ifPresent(a -> authentication(a, out));
        addresses("virtual_ipaddress", i.virtualAddresses(), out);
        addresses("virtual_ipaddress_excluded", i.excludedAddresses(), out);
        KeepalivedEmitter.flag(out, "nopreempt", i.nopreempt());
        KeepalivedEmitter.seconds(out, "preempt_delay", i.preemptDelay(), Duration.ZERO);
        out.line(i.accept() ? "accept" : "no_accept");
        out.line("strict_mode", Boolean.toString(i.strictMode()));
        i.unicastSourceIp().ifPresent(a -> out.line("unicast_src_ip", KeepalivedWords.address(a)));
        if (!i.unicastPeers().isEmpty()) {
            out.open("unicast_peer");
            for (InetAddress peer : i.unicastPeers()) {
                out.raw(KeepalivedWords.address(peer));
            }
            out.close();
        }
        i.unicastTtl().ifPresent(ttl -> out.line("unicast_ttl", Integer.toString(ttl)));
        i.multicastSourceIp().ifPresent(a -> out.line("mcast_src_ip", KeepalivedWords.address(a)));
        trackInterfaces(i.trackInterfaces(), out);
        trackScripts(i.trackScripts(), out);
        trackFiles(i.trackFiles(), out);
        KeepalivedEmitter.flag(out, "dont_track_primary", i.dontTrackPrimary());
        notify(i.notifyScripts(), out);
        out.line("smtp_alert", Boolean.toString(i.smtpAlert()));
        i.garp().masterDelay().ifPresent(d -> out.line("garp_master_delay", KeepalivedWords.seconds(d)));
        i.garp().masterRepeat().ifPresent(n -> out.line("garp_master_repeat", Integer.toString(n)));
        i.garp().masterRefresh().ifPresent(d -> out.line("garp_master_refresh", KeepalivedWords.seconds(d)));
        trackSubsystems(i.trackSubsystems(), out); // last: see trackSubsystems
        out.close();
    }

    /** "authentication { auth_type PASS|AH; auth_pass &lt;PASSWORD&gt; }". */
    private static void authentication(Authentication a, ConfigText out) {
        out.open("authentication");
        out.line("auth_type", a.type().name());
        out.line("auth_pass", a.password());
        out.close();
    }

    /** "&lt;IPADDR&gt;[/&lt;MASK&gt;] [brd &lt;IPADDR&gt;] [dev &lt;STRING&gt;] [scope &lt;SCOPE&gt;] [label &lt;LABEL&gt;]", the prefix always written. */
    private static void addresses(String keyword, List<VirtualAddress> addresses, ConfigText out) {
        if (addresses.isEmpty()) {
            return;
        }
        out.open(keyword);
        for (VirtualAddress a : addresses) {
            List<String> words = new ArrayList<>(List.of(KeepalivedWords.address(a.address()) + "/" + a.prefixLength()));
            a.broadcast().ifPresent(b -> words.addAll(List.of("brd", KeepalivedWords.address(b))));
            a.device().ifPresent(d -> words.addAll(List.of("dev", out.quote(d))));
            a.scope().ifPresent(s -> words.addAll(List.of("scope", s)));
            a.label().ifPresent(l -> words.addAll(List.of("label", out.quote(l))));
            out.raw(String.join(" ", words));
        }
        out.close();
    }

    /** "track_interface { &lt;IF&gt; [weight N] }"; weight 0 is what a line without one means. */
    private static void trackInterfaces(List<TrackedInterface> tracked, ConfigText out) {
        namesWithWeights("track_interface", tracked, TrackedInterface::name, TrackedInterface::weight, out);
    }

    private static void trackScripts(List<TrackedScript> tracked, ConfigText out) {
        if (tracked.isEmpty()) {
            return;
        }
        out.open("track_script");
        for (TrackedScript t : tracked) {
            out.raw(out.quote(t.name()) + (t.weight().isPresent() ? " weight " + t.weight().getAsInt() : ""));
        }
        out.close();
    }

    /** "track_file { &lt;NAME&gt; [weight N [reverse|noreverse]] }", each line as it was read. */
    private static void trackFiles(List<TrackedFile> tracked, ConfigText out) {
        if (tracked.isEmpty()) {
            return;
        }
        out.open("track_file");
        for (TrackedFile t : tracked) {
            String weight = t.weight().isPresent() ? " weight " + t.weight().getAsInt() : "";
            String reverse = t.reverse().map(r -> r ? " reverse" : " noreverse").orElse("");
            out.raw(out.quote(t.name()) + weight + reverse);
        }
        out.close();
    }

    /**
     * Fulcrum's "track_subsystem { &lt;SUBSYSTEM&gt; [weight N] }", kept so that the text reads back into
     * the same model. keepalived 2.2.7 reports "Unknown keyword 'track_subsystem'" and "Unexpected '{'",
     * then takes the block's "}" as the end of the vrrp_instance: written last, the instance loses
     * nothing and keepalived only warns of a stray "}".
     */
    private static void trackSubsystems(List<TrackedSubsystem> tracked, ConfigText out) {
        namesWithWeights("track_subsystem", tracked, TrackedSubsystem::name, TrackedSubsystem::weight, out);
    }

    /** "KEYWORD { &lt;NAME&gt; [weight N] }", weight 0 left out; nothing when the list is empty. */
    private static <T> void namesWithWeights(String keyword, List<T> tracked, Function<T, String> name,
            ToIntFunction<T> weight, ConfigText out) {
        if (tracked.isEmpty()) {
            return;
        }
        out.open(keyword);
        for (T t : tracked) {
            int w = weight.applyAsInt(t);
            out.raw(out.quote(name.apply(t)) + (w == 0 ? "" : " weight " + w));
        }
        out.close();
    }

    private static void notify(NotifyScripts n, ConfigText out) {
        n.master().ifPresent(c -> out.line("notify_master", c));
        n.backup().ifPresent(c -> out.line("notify_backup", c));
        n.fault().ifPresent(c -> out.line("notify_fault", c));
        n.stop().ifPresent(c -> out.line("notify_stop", c));
        n.generic().ifPresent(c -> out.line("notify", c));
    }
}
