package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * keepalived.conf(5) {@code vrrp_instance <NAME> { ... }} to {@link VrrpInstance}, with the rules
 * keepalived applies when it completes an instance (keepalived/vrrp/vrrp.c, vrrp_complete_instance).
 */
final class VrrpInstanceMapper {

    private final Args args;
    private final VrrpBlocks blocks;
    private final GlobalSettings global;

    VrrpInstanceMapper(Args args, Names names, GlobalSettings global) {
        this.args = args;
        this.blocks = new VrrpBlocks(args, names);
        this.global = global;
    }

    /** Reads every keyword of the block; empty (after reporting) if anything is wrong. */
    Optional<VrrpInstance> map(Statement s) {
        return new Reader(s).read();
    }

    private final class Reader {
        private final Statement s;
        private final String name;
        private boolean ok = true;
        private Optional<InitialState> state = Optional.empty();
        private Optional<String> iface = Optional.empty();
        private Optional<Integer> vrid = Optional.empty();
        private Optional<Integer> priority = Optional.empty();
        private Optional<Statement> advertInt = Optional.empty();
        private Optional<Integer> version = Optional.empty();
        private Optional<Authentication> auth = Optional.empty();
        private List<VirtualAddress> vips = List.of();
        private List<VirtualAddress> excluded = List.of();
        private boolean nopreempt;
        private Duration preemptDelay = Duration.ZERO;
        private Optional<Boolean> accept = Optional.empty();
        private boolean strict;
        private Optional<InetAddress> unicastSrc = Optional.empty();
        private List<InetAddress> peers = List.of();
        private OptionalInt unicastTtl = OptionalInt.empty();
        private Optional<InetAddress> mcastSrc = Optional.empty();
        private List<TrackedInterface> trackInterfaces = List.of();
        private List<TrackedScript> trackScripts = List.of();
        private List<TrackedSubsystem> trackSubsystems = List.of();
        private List<TrackedFile> trackFiles = List.of();
        private boolean dontTrackPrimary;
        private final VrrpBlocks.Notify notify = new VrrpBlocks.Notify();
        private boolean smtpAlert;
        private Optional<Duration> garpDelay = Optional.empty();
        private OptionalInt garpRepeat = OptionalInt.empty();
        private Optional<Duration> garpRefresh = Optional.empty();

        Reader(Statement s) {
            this.s = s;
            Optional<Token> n = args.one(s, "an instance name");
            this.name = n.map(Token::text).orElse("");
            this.ok = n.isPresent();
            this.strict = global.vrrp().strict();
            this.smtpAlert = global.smtpAlert();
        }

        Optional<VrrpInstance> read() {
            for (Statement c : s.block()) {
                keyword(c);
            }
            return complete();
        }

        private <T> Optional<T> check(Optional<T> value) {
            ok &= value.isPresent();
            return value;
        }

        private void keyword(Statement c) {
            switch (c.keyword()) {
                case "state": state = check(args.choice(c, List.of("MASTER", "BACKUP"))).map(InitialState::valueOf); break;
                case "interface": iface = check(args.one(c, "an interface name")).map(Token::text); break;
                case "virtual_router_id": vrid = check(args.integer(c, 1, 255)); break;
                case "priority": priority = check(args.integer(c, 1, 255)); break;
                case "advert_int": advertInt = check(args.one(c, "seconds")).map(t -> c); break;
                case "version": version = check(args.integer(c, 2, 3)); break;
                case "authentication": authentication(c); break;
                case "virtual_ipaddress": vips = blocks.addresses(c); break;
                case "virtual_ipaddress_excluded": excluded = blocks.addresses(c); break;
                case "nopreempt": ok &= args.none(c); nopreempt = true; break;
                // keepalived.conf(5): "preempt_delay 300 ... Range: 0 (default) to 1000"
                case "preempt_delay": preemptDelay = check(args.seconds(c, "0", "1000")).orElse(Duration.ZERO); break;
                case "accept": ok &= args.none(c); accept = Optional.of(true); break;
                case "no_accept": ok &= args.none(c); accept = Optional.of(false); break;
                case "strict_mode": check(args.flag(c)).ifPresent(b -> strict = b); break;
                case "unicast_src_ip": unicastSrc = check(args.address(c)); break;
                case "unicast_peer": peers = blocks.peers(c); break;
                // keepalived.conf(5): "unicast_ttl {0..255}", the TTL/hop limit of unicast adverts
                case "unicast_ttl": unicastTtl = check(args.integer(c, 0, 255)).map(OptionalInt::of)
                        .orElse(OptionalInt.empty()); break;
                // keepalived.conf(5) check_unicast_src: Fulcrum always drops unicast adverts from unlisted sources
                case "check_unicast_src": ok &= args.none(c); break;
                case "mcast_src_ip": mcastSrc = check(args.address(c)); break;
                case "track_interface": trackInterfaces = blocks.trackInterfaces(c); break;
                case "track_script": trackScripts = blocks.trackScripts(c); break;
                case "track_file": trackFiles = blocks.trackFiles(c); break;
                case "track_subsystem": trackSubsystems = blocks.trackSubsystems(c); lastCheck(c); break;
                case "dont_track_primary": ok &= args.none(c); dontTrackPrimary = true; break;
                case "smtp_alert": check(args.flag(c)).ifPresent(b -> smtpAlert = b); break;
                case "garp_master_delay": garpDelay = check(args.seconds(c, "0", "2147483")); break;
                case "garp_master_repeat": garpRepeat = check(args.integer(c, 0, Integer.MAX_VALUE))
                        .map(OptionalInt::of).orElse(OptionalInt.empty()); break;
                case "garp_master_refresh": garpRefresh = check(args.seconds(c, "0", "2147483")); break;
                default:
                    if (!notify.read(args, c)) {
                        args.problems().unsupported(c.location(), c.keyword(), "vrrp_instance " + name);
                    }
            }
        }

        /**
         * keepalived 2.2.7 ends the vrrp_instance at the "}" of a block it does not know, so whatever
         * follows track_subsystem would be lost to keepalived reading the same file.
         */
        private void lastCheck(Statement c) {
            List<Statement> all = s.block();
            if (all.get(all.size() - 1) != c) {
                args.warning(c, "track_subsystem is Fulcrum's: keepalived ends the vrrp_instance at its '}' and "
                        + "ignores what follows; put it last in the vrrp_instance");
            }
        }

        private void authentication(Statement c) {
            args.none(c);
            Optional<Authentication.Type> type = Optional.empty();
            Optional<String> password = Optional.empty();
            for (Statement a : c.block()) {
                switch (a.keyword()) {
                    case "auth_type": type = check(args.choice(a, List.of("PASS", "AH"))).map(Authentication.Type::valueOf); break;
                    case "auth_pass": password = check(args.one(a, "a password")).map(t -> password(t)); break;
                    default: args.problems().unsupported(a.location(), a.keyword(), "authentication");
                }
            }
            if (type.isEmpty() || password.isEmpty()) {
                args.error(c, "authentication needs auth_type and auth_pass");
                ok = false;
                return;
            }
            auth = Optional.of(new Authentication(type.get(), password.get()));
        }

        /** keepalived.conf(5) auth_pass: "Only the first eight (8) characters are used"; keepalived truncates and warns. */
        private String password(Token t) {
            if (t.text().length() > Authentication.MAX_PASSWORD_LENGTH) {
                args.warning(t, "auth_pass longer than 8 characters: only the first 8 are used");
                return t.text().substring(0, Authentication.MAX_PASSWORD_LENGTH);
            }
            return t.text();
        }

        private Optional<VrrpInstance> complete() {
            if (ok && iface.isEmpty()) {
                args.error(s, "vrrp_instance " + name + ": interface is required");
                ok = false;
            }
            if (ok && vrid.isEmpty()) {
                args.error(s, "vrrp_instance " + name + ": virtual_router_id is required");
                ok = false;
            }
            int v = version.orElse(global.vrrp().version());
            if (ok && v == 2 && family(vips) == 16) {
                args.warning(s, "vrrp_instance " + name + ": IPv6 addresses need VRRP version 3; using version 3");
                v = 3;
            }
            // advertInt is only set when it has its argument, so its range is checked even after other errors
            Optional<Duration> advert = advertInt.isEmpty() ? Optional.of(VrrpInstance.DEFAULT_ADVERT_INTERVAL)
                    : advertInterval(advertInt.get(), v);
            if (!ok || advert.isEmpty()) {
                return Optional.empty();
            }
            InitialState initial = state.orElse(InitialState.BACKUP);
            // vrrp.c: no priority given -> 255 for state MASTER, 100 (VRRP_PRIO_DFL) otherwise
            int prio = priority.orElse(initial == InitialState.MASTER ? VrrpInstance.OWNER_PRIORITY
                    : VrrpInstance.DEFAULT_PRIORITY);
            Statement where = s.children("priority").stream().reduce((a, b) -> b).orElse(s);
            if (priority.isPresent() && strict && initial == InitialState.MASTER && prio != VrrpInstance.OWNER_PRIORITY) {
                args.warning(where, "cannot start in MASTER state if not address owner (priority 255) in strict mode; starting as BACKUP");
                initial = InitialState.BACKUP;
            } else if (prio == VrrpInstance.OWNER_PRIORITY && !nopreempt && initial == InitialState.BACKUP) {
                args.warning(where, "priority 255 is the address owner: the instance starts as MASTER, not BACKUP");
                initial = InitialState.MASTER;
            }
            if (nopreempt && initial == InitialState.MASTER) {
                args.warning(s.children("nopreempt").get(0), "nopreempt will not work with initial state MASTER");
            }
            if (strict && !preemptDelay.isZero()) {
                args.warning(s.children("preempt_delay").get(0), "preempt_delay is incompatible with strict mode; using 0");
                preemptDelay = Duration.ZERO;
            }
            return Optional.of(new VrrpInstance(name, initial, iface.get(), vrid.get(), prio, advert.get(), v, auth,
                    vips, excluded, nopreempt, preemptDelay, accept.orElse(!strict), strict, unicastSrc, peers,
                    unicastTtl, mcastSrc, trackInterfaces, trackScripts, dontTrackPrimary, notify.scripts(), smtpAlert,
                    new GarpSettings(garpDelay, garpRepeat, garpRefresh), trackSubsystems, trackFiles));
        }
    }

    /** 4 or 16: the address length of the first address, 0 if there is none. */
    static int family(List<VirtualAddress> addresses) {
        return addresses.isEmpty() ? 0 : addresses.get(0).address().getAddress().length;
    }

    /**
     * keepalived.conf(5) advert_int: VRRPv2 counts whole seconds 1..255 (RFC 3768 section 5.3.7;
     * keepalived rounds a fraction and says so); VRRPv3 centiseconds 0.01..40.95 (RFC 5798 section 5.2.7).
     */
    private Optional<Duration> advertInterval(Statement c, int version) {
        Token t = c.arguments().get(0);
        Optional<Duration> read = version == 2 ? args.seconds(t, "1", "255") : args.seconds(t, "0.01", "40.95");
        if (read.isEmpty()) {
            return read;
        }
        BigDecimal value = new BigDecimal(t.text());
        if (version == 2 && value.stripTrailingZeros().scale() > 0) {
            long rounded = Math.max(1, value.setScale(0, RoundingMode.HALF_UP).longValueExact());
            args.warning(t, "VRRP version 2 advert_int is whole seconds; using " + rounded);
            return Optional.of(Duration.ofSeconds(rounded));
        }
        if (version == 3 && value.stripTrailingZeros().scale() > 2) {
            args.error(t, "expected seconds 0.01..40.95 in hundredths for VRRP version 3");
            return Optional.empty();
        }
        return read;
    }
}
