package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The keepalived part of the model as a canonical keepalived.conf (keepalived.conf(5), keepalived
 * 2.2): {@code global_defs}, then the VRRP blocks ({@link KeepalivedVrrp}), then the LVS blocks
 * ({@link KeepalivedLvs}). Nested blocks are indented by 4 spaces per level.
 */
public final class KeepalivedEmitter {

    private KeepalivedEmitter() {
    }

    public static String emit(KeepalivedConfig config) {
        return emit(config.global(), config.vrrp(), config.lvs());
    }

    public static String emit(GlobalSettings global, VrrpConfig vrrp, LvsConfig lvs) {
        ConfigText out = new ConfigText(KeepalivedWords::word);
        globalDefs(global, out);
        KeepalivedVrrp.emit(global, vrrp, out);
        KeepalivedLvs.emit(lvs, out);
        return out.toString();
    }

    /** keepalived.conf(5) "GLOBAL CONFIGURATION": global_defs, values at the reader's default left out. */
    private static void globalDefs(GlobalSettings g, ConfigText out) {
        out.open("global_defs");
        g.routerId().ifPresent(v -> out.line("router_id", v));
        if (!g.notificationEmail().isEmpty()) {
            out.open("notification_email");
            g.notificationEmail().forEach(e -> out.raw(out.quote(e)));
            out.close();
        }
        g.notificationEmailFrom().ifPresent(v -> out.line("notification_email_from", v));
        g.smtpServer().ifPresent(s -> {
            if (s.port() == SmtpServer.DEFAULT_PORT) {
                out.line("smtp_server", s.host());
            } else {
                out.line("smtp_server", s.host(), Integer.toString(s.port()));
            }
        });
        g.smtpHeloName().ifPresent(v -> out.line("smtp_helo_name", v));
        seconds(out, "smtp_connect_timeout", g.smtpConnectTimeout(), GlobalSettings.DEFAULT_SMTP_CONNECT_TIMEOUT);
        flag(out, "smtp_alert", g.smtpAlert());
        // "script_user <USERNAME> [<GROUPNAME>]": the model keeps the two words joined by a space.
        g.scriptUser().ifPresent(v -> out.line("script_user", v.split(" ", -1)));
        flag(out, "enable_script_security", g.enableScriptSecurity());
        vrrpDefaults(g.vrrp(), out);
        lvsTimeouts(g.lvsTimeouts(), out);
        g.lvsSyncDaemon().ifPresent(d -> syncDaemon(d, out));
        flag(out, "lvs_flush", g.lvsFlush());
        flag(out, "lvs_flush_on_stop", g.lvsFlushOnStop());
        out.close();
    }

    private static void vrrpDefaults(VrrpDefaults v, ConfigText out) {
        VrrpDefaults d = VrrpDefaults.DEFAULTS;
        if (v.version() != d.version()) {
            out.line("vrrp_version", Integer.toString(v.version()));
        }
        flag(out, "vrrp_strict", v.strict());
        seconds(out, "vrrp_garp_master_delay", v.garpMasterDelay(), d.garpMasterDelay());
        if (v.garpMasterRepeat() != d.garpMasterRepeat()) {
            out.line("vrrp_garp_master_repeat", Integer.toString(v.garpMasterRepeat()));
        }
        seconds(out, "vrrp_garp_master_refresh", v.garpMasterRefresh(), d.garpMasterRefresh());
        seconds(out, "vrrp_garp_interval", v.garpInterval(), d.garpInterval());
        seconds(out, "vrrp_gna_interval", v.gnaInterval(), d.gnaInterval());
        flag(out, "vrrp_skip_check_adv_addr", v.skipCheckAdvAddr());
        flag(out, "vrrp_lower_prio_no_advert", v.lowerPrioNoAdvert());
        flag(out, "vrrp_higher_prio_send_advert", v.higherPrioSendAdvert());
        seconds(out, "vrrp_startup_delay", v.startupDelay(), d.startupDelay());
        if (!v.mcastGroup4().equals(d.mcastGroup4())) {
            out.line("vrrp_mcast_group4", v.mcastGroup4());
        }
        if (!v.mcastGroup6().equals(d.mcastGroup6())) {
            out.line("vrrp_mcast_group6", v.mcastGroup6());
        }
    }

    /** "lvs_timeouts [tcp S] [tcpfin S] [udp S]". */
    private static void lvsTimeouts(LvsTimeouts t, ConfigText out) {
        List<String> words = new ArrayList<>();
        t.tcp().ifPresent(d -> words.addAll(List.of("tcp", KeepalivedWords.seconds(d))));
        t.tcpfin().ifPresent(d -> words.addAll(List.of("tcpfin", KeepalivedWords.seconds(d))));
        t.udp().ifPresent(d -> words.addAll(List.of("udp", KeepalivedWords.seconds(d))));
        if (!words.isEmpty()) {
            out.line("lvs_timeouts", words.toArray(String[]::new));
        }
    }

    /** "lvs_sync_daemon &lt;INTERFACE&gt; &lt;VRRP_INSTANCE&gt; [id N] [maxlen N] [port N] [ttl N] [group IP]". */
    private static void syncDaemon(LvsSyncDaemon d, ConfigText out) {
        List<String> words = new ArrayList<>(List.of(d.interfaceName(), d.vrrpInstance()));
        d.syncId().ifPresent(v -> words.addAll(List.of("id", Integer.toString(v))));
        d.maxlen().ifPresent(v -> words.addAll(List.of("maxlen", Integer.toString(v))));
        d.port().ifPresent(v -> words.addAll(List.of("port", Integer.toString(v))));
        d.ttl().ifPresent(v -> words.addAll(List.of("ttl", Integer.toString(v))));
        d.group().ifPresent(a -> words.addAll(List.of("group", KeepalivedWords.address(a))));
        out.line("lvs_sync_daemon", words.toArray(String[]::new));
    }

    static void flag(ConfigText out, String keyword, boolean set) {
        if (set) {
            out.line(keyword);
        }
    }

    static void seconds(ConfigText out, String keyword, Duration value, Duration defaultValue) {
        if (!value.equals(defaultValue)) {
            out.line(keyword, KeepalivedWords.seconds(value));
        }
    }
}
