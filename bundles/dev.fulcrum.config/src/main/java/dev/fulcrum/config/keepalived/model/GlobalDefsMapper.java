package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** keepalived.conf(5) {@code global_defs { ... }} to {@link GlobalSettings}; several blocks merge, later values win. */
final class GlobalDefsMapper {

    private static final String MAX_SECONDS = "2147483";

    private final Args args;
    private final Names names;

    private Optional<String> routerId = Optional.empty();
    private final List<String> emails = new ArrayList<>();
    private Optional<String> emailFrom = Optional.empty();
    private Optional<SmtpServer> smtpServer = Optional.empty();
    private Optional<String> smtpHelo = Optional.empty();
    private Duration smtpTimeout = GlobalSettings.DEFAULT_SMTP_CONNECT_TIMEOUT;
    private boolean smtpAlert;
    private Optional<String> scriptUser = Optional.empty();
    private boolean scriptSecurity;
    private int version = VrrpDefaults.DEFAULTS.version();
    private boolean strict;
    private Duration garpDelay = VrrpDefaults.DEFAULTS.garpMasterDelay();
    private int garpRepeat = VrrpDefaults.DEFAULTS.garpMasterRepeat();
    private Duration garpRefresh = Duration.ZERO;
    private Duration garpInterval = Duration.ZERO;
    private Duration gnaInterval = Duration.ZERO;
    private boolean skipCheckAdvAddr;
    private boolean lowerPrioNoAdvert;
    private boolean higherPrioSendAdvert;
    private Duration startupDelay = Duration.ZERO;
    private String mcastGroup4 = VrrpDefaults.DEFAULTS.mcastGroup4();
    private String mcastGroup6 = VrrpDefaults.DEFAULTS.mcastGroup6();
    private LvsTimeouts lvsTimeouts = LvsTimeouts.UNCHANGED;
    private Optional<LvsSyncDaemon> syncDaemon = Optional.empty();
    private boolean lvsFlush;
    private boolean lvsFlushOnStop;

    GlobalDefsMapper(Args args, Names names) {
        this.args = args;
        this.names = names;
    }

    /** Reads one global_defs block into this mapper. */
    void read(Statement globalDefs) {
        args.none(globalDefs);
        for (Statement s : globalDefs.block()) {
            readOne(s);
        }
    }

    private void readOne(Statement s) {
        switch (s.keyword()) {
            case "router_id": args.one(s, "a name").ifPresent(t -> routerId = Optional.of(t.text())); break;
            case "notification_email":
                args.none(s);
                s.block().forEach(e -> {
                    emails.add(e.keyword());
                    args.none(e);
                });
                break;
            case "notification_email_from": args.one(s, "an email address").ifPresent(t -> emailFrom = Optional.of(t.text())); break;
            case "smtp_server": smtpServer(s); break;
            case "smtp_helo_name": args.one(s, "a name").ifPresent(t -> smtpHelo = Optional.of(t.text())); break;
            case "smtp_connect_timeout": args.seconds(s, "1", MAX_SECONDS).ifPresent(d -> smtpTimeout = d); break;
            case "smtp_alert": args.flag(s).ifPresent(b -> smtpAlert = b); break;
            case "script_user": if (args.count(s, 1, 2, "USERNAME [GROUPNAME]")) { scriptUser = Optional.of(String.join(" ", s.argumentTexts())); } break;
            case "enable_script_security": if (args.none(s)) { scriptSecurity = true; } break;
            case "vrrp_version": args.integer(s, 2, 3).ifPresent(v -> version = v); break;
            case "vrrp_strict": if (args.none(s)) { strict = true; } break;
            case "vrrp_garp_master_delay": args.seconds(s, "0", MAX_SECONDS).ifPresent(d -> garpDelay = d); break;
            case "vrrp_garp_master_repeat": args.integer(s, 0, Integer.MAX_VALUE).ifPresent(v -> garpRepeat = v); break;
            case "vrrp_garp_master_refresh": args.seconds(s, "0", MAX_SECONDS).ifPresent(d -> garpRefresh = d); break;
            case "vrrp_garp_interval": args.seconds(s, "0", MAX_SECONDS).ifPresent(d -> garpInterval = d); break;
            case "vrrp_gna_interval": args.seconds(s, "0", MAX_SECONDS).ifPresent(d -> gnaInterval = d); break;
            case "vrrp_skip_check_adv_addr": args.flag(s).ifPresent(b -> skipCheckAdvAddr = b); break;
            case "vrrp_lower_prio_no_advert": args.flag(s).ifPresent(b -> lowerPrioNoAdvert = b); break;
            case "vrrp_higher_prio_send_advert": args.flag(s).ifPresent(b -> higherPrioSendAdvert = b); break;
            case "vrrp_startup_delay": args.seconds(s, "0", MAX_SECONDS).ifPresent(d -> startupDelay = d); break;
            case "vrrp_mcast_group4": mcastGroup(s, 4); break;
            case "vrrp_mcast_group6": mcastGroup(s, 16); break;
            case "lvs_timeouts": lvsTimeouts(s); break;
            case "lvs_sync_daemon": lvsSyncDaemon(s); break;
            case "lvs_flush": if (args.none(s)) { lvsFlush = true; } break;
            case "lvs_flush_on_stop": if (args.none(s)) { lvsFlushOnStop = true; } break;
            default: args.problems().unsupported(s.location(), s.keyword(), "global_defs");
        }
    }

    private void smtpServer(Statement s) {
        if (!args.count(s, 1, 2, "<IP ADDRESS|HOSTNAME> [<PORT>]")) {
            return;
        }
        int port = SmtpServer.DEFAULT_PORT;
        if (s.arguments().size() == 2) {
            Optional<Integer> given = args.port(s.arguments().get(1));
            if (given.isEmpty()) {
                return;
            }
            port = given.get();
        }
        smtpServer = Optional.of(new SmtpServer(s.arguments().get(0).text(), port));
    }

    private void mcastGroup(Statement s, int length) {
        args.address(s).ifPresent(a -> {
            if (a.getAddress().length != length || !a.isMulticastAddress()) {
                args.error(s.arguments().get(0), "expected an IPv" + (length == 4 ? "4" : "6") + " multicast address");
            } else if (length == 4) {
                mcastGroup4 = a.getHostAddress();
            } else {
                mcastGroup6 = a.getHostAddress();
            }
        });
    }

    /** {@code lvs_timeouts [tcp S] [tcpfin S] [udp S]}. */
    private void lvsTimeouts(Statement s) {
        List<Token> a = s.arguments();
        if (a.isEmpty() || a.size() % 2 != 0) {
            args.count(s, 2, a.isEmpty() ? 6 : a.size() - 1, "[tcp <S>] [tcpfin <S>] [udp <S>]");
            return;
        }
        Optional<Duration> tcp = lvsTimeouts.tcp();
        Optional<Duration> tcpfin = lvsTimeouts.tcpfin();
        Optional<Duration> udp = lvsTimeouts.udp();
        for (int i = 0; i < a.size(); i += 2) {
            Optional<Duration> value = args.seconds(a.get(i + 1), "1", MAX_SECONDS);
            switch (a.get(i).text()) {
                case "tcp": tcp = value.or(() -> lvsTimeouts.tcp()); break;
                case "tcpfin": tcpfin = value.or(() -> lvsTimeouts.tcpfin()); break;
                case "udp": udp = value.or(() -> lvsTimeouts.udp()); break;
                default: args.error(a.get(i), "expected tcp, tcpfin or udp");
            }
        }
        lvsTimeouts = new LvsTimeouts(tcp, tcpfin, udp);
    }

    /** {@code lvs_sync_daemon <INTERFACE> <VRRP_INSTANCE> [id N] [maxlen N] [port N] [ttl N] [group IP]}. */
    private void lvsSyncDaemon(Statement s) {
        List<Token> a = s.arguments();
        String expected = "<INTERFACE> <VRRP_INSTANCE> [id <SYNC_ID>] [maxlen <LEN>] [port <PORT>] [ttl <TTL>] [group <IP>]";
        if (!args.count(s, 2, 12, expected)) {
            return;
        }
        if (!names.instances().contains(a.get(1).text())) {
            args.error(a.get(1), "lvs_sync_daemon: no vrrp_instance of this name is defined");
        }
        OptionalInt id = OptionalInt.empty();
        OptionalInt maxlen = OptionalInt.empty();
        OptionalInt port = OptionalInt.empty();
        OptionalInt ttl = OptionalInt.empty();
        Optional<InetAddress> group = Optional.empty();
        boolean ok = true;
        for (int i = 2; i < a.size(); i += 2) {
            if (i + 1 >= a.size()) {
                args.count(s, a.size() + 1, a.size() + 1, expected);
                return;
            }
            Token value = a.get(i + 1);
            switch (a.get(i).text()) {
                case "id": id = toInt(args.integer(value, 0, 255)); ok &= id.isPresent(); break;
                case "maxlen": maxlen = toInt(args.integer(value, 1, 65507)); ok &= maxlen.isPresent(); break;
                case "port": port = toInt(args.port(value)); ok &= port.isPresent(); break;
                case "ttl": ttl = toInt(args.integer(value, 1, 255)); ok &= ttl.isPresent(); break;
                case "group": group = args.address(value); ok &= group.isPresent(); break;
                default: args.error(a.get(i), "expected id, maxlen, port, ttl or group"); ok = false;
            }
        }
        if (ok) {
            syncDaemon = Optional.of(new LvsSyncDaemon(a.get(0).text(), a.get(1).text(), id, maxlen, port, ttl, group));
        }
    }

    private static OptionalInt toInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    GlobalSettings settings() {
        VrrpDefaults vrrp = new VrrpDefaults(version, strict, garpDelay, garpRepeat, garpRefresh, garpInterval,
                gnaInterval, skipCheckAdvAddr, lowerPrioNoAdvert, higherPrioSendAdvert, startupDelay, mcastGroup4,
                mcastGroup6);
        return new GlobalSettings(routerId, emails, emailFrom, smtpServer, smtpHelo, smtpTimeout, smtpAlert,
                scriptUser, scriptSecurity, vrrp, lvsTimeouts, syncDaemon, lvsFlush, lvsFlushOnStop);
    }
}
