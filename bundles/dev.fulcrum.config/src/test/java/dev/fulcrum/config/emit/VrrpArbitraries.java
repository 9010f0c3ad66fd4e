package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.global.LvsTimeouts;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
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
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.api.model.lvs.LvsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid global_defs and VRRP models in the shapes the keepalived.conf reader produces (names
 * unique, track_script, track_file, sync group and lvs_sync_daemon references defined). Where keepalived (and
 * the reader) would change a value on start-up, the generator avoids it; see each method.
 */
final class VrrpArbitraries {

    private VrrpArbitraries() {
    }

    static Arbitrary<KeepalivedConfig> configs() {
        Arbitrary<List<VrrpScript>> scripts = KeepalivedText.text().list().ofMaxSize(2).uniqueElements()
                .flatMap(names -> ModelText.all(names.stream().map(VrrpArbitraries::script).toList()));
        return Combinators.combine(scripts, trackFiles()).flatAs((ss, tfs) -> {
            List<String> scriptNames = ss.stream().map(VrrpScript::name).toList();
            List<String> fileNames = tfs.stream().map(VrrpTrackFile::name).toList();
            Arbitrary<List<VrrpInstance>> instances = KeepalivedText.text().list().ofMaxSize(3).uniqueElements()
                    .flatMap(names -> ModelText.all(names.stream().map(n -> instance(n, scriptNames)
                            .flatMap(i -> trackedFiles(fileNames).map(i::withTrackFiles))).toList()))
                    .filter(VrrpArbitraries::uniqueRouterIds);
            return instances.flatMap(is -> {
                List<String> instanceNames = is.stream().map(VrrpInstance::name).toList();
                return Combinators.combine(global(instanceNames), syncGroups(instanceNames, scriptNames, fileNames))
                        .as((g, groups) -> new KeepalivedConfig(g, new VrrpConfig(ss, is, groups, tfs), LvsConfig.EMPTY));
            });
        });
    }

    /** keepalived.conf(5) track_file blocks: any path, weight -254..254 (keepalived 2.2.7's range). */
    static Arbitrary<List<VrrpTrackFile>> trackFiles() {
        Arbitrary<Optional<VrrpTrackFile.Init>> init = Combinators.combine(Arbitraries.integers(),
                Arbitraries.of(true, false)).as(VrrpTrackFile.Init::new).optional();
        return KeepalivedText.text().list().ofMaxSize(2).uniqueElements().flatMap(names -> ModelText.all(names.stream()
                .map(name -> Combinators.combine(KeepalivedText.text(), Arbitraries.integers().between(-254, 254),
                        Arbitraries.of(true, false), init).as((file, weight, reverse, i) -> new VrrpTrackFile(name, file,
                                weight, reverse, i))).toList()));
    }

    /** Each defined track file at most once, with or without its own weight and reverse|noreverse. */
    static Arbitrary<List<TrackedFile>> trackedFiles(List<String> files) {
        if (files.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<Optional<Boolean>> reverse = Arbitraries.of(true, false).optional();
        return Arbitraries.subsetOf(files).map(List::copyOf).flatMap(names -> ModelText.all(names.stream()
                .map(name -> Combinators.combine(Arbitraries.integers().between(-254, 254).optional(), reverse)
                        .as((weight, r) -> weight.isEmpty() ? new TrackedFile(name)
                                : new TrackedFile(name, OptionalInt.of(weight.get()), r))).toList()));
    }

    /** keepalived refuses two instances with one virtual_router_id on one interface and address family. */
    private static boolean uniqueRouterIds(List<VrrpInstance> instances) {
        return instances.stream().map(i -> i.interfaceName() + " " + i.virtualRouterId() + " "
                + (!i.virtualAddresses().isEmpty() && i.virtualAddresses().get(0).address().getAddress().length == 16))
                .distinct().count() == instances.size();
    }

    static Arbitrary<GlobalSettings> global(List<String> instances) {
        Arbitrary<Optional<SmtpServer>> smtp = Combinators.combine(KeepalivedText.text(),
                Arbitraries.integers().between(1, 65535)).as(SmtpServer::new).optional();
        Arbitrary<Optional<LvsSyncDaemon>> daemon = instances.isEmpty() ? Arbitraries.just(Optional.empty())
                : syncDaemon(instances).optional();
        Arbitrary<Optional<Duration>> lvsTimeout = KeepalivedText.atLeastOneSecond().optional();
        return Combinators.combine(KeepalivedText.text().optional(), KeepalivedText.word().list().ofMaxSize(2),
                KeepalivedText.text().optional(), smtp, KeepalivedText.text().optional(),
                KeepalivedText.atLeastOneSecond(), Arbitraries.of(true, false), KeepalivedText.user().optional())
                .flatAs((routerId, emails, from, server, helo, timeout, alert, user) -> Combinators.combine(
                        Arbitraries.of(true, false), vrrpDefaults(), Combinators.combine(lvsTimeout, lvsTimeout, lvsTimeout)
                                .as(LvsTimeouts::new), daemon, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((security, vrrp, lvsTimeouts, d, flush, flushOnStop) -> new GlobalSettings(routerId, emails,
                                from, server, helo, timeout, alert, user, security, vrrp, lvsTimeouts, d, flush,
                                flushOnStop)));
    }

    /** The multicast groups are kept as Java writes them (getHostAddress()), the form the reader normalizes to. */
    static Arbitrary<VrrpDefaults> vrrpDefaults() {
        Arbitrary<String> group4 = Arbitraries.integers().between(0, 255).map(i -> "224.0.0." + i);
        Arbitrary<String> group6 = Arbitraries.integers().between(1, 0xffff)
                .map(i -> KeepalivedText.address(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        (byte) (i >> 8), (byte) (int) i}).getHostAddress());
        Arbitrary<Duration> s = KeepalivedText.seconds();
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.of(2, 3), b, s, Arbitraries.integers().between(0, 100), s, s, s, b)
                .flatAs((version, strict, delay, repeat, refresh, garp, gna, skip) -> Combinators.combine(b, b, s, group4,
                        group6).as((lower, higher, startup, g4, g6) -> new VrrpDefaults(version, strict, delay, repeat,
                                refresh, garp, gna, skip, lower, higher, startup, g4, g6)));
    }

    static Arbitrary<LvsSyncDaemon> syncDaemon(List<String> instances) {
        Arbitrary<OptionalInt> id = Arbitraries.integers().between(0, 255).optional().map(VrrpArbitraries::optionalInt);
        Arbitrary<OptionalInt> maxlen = Arbitraries.integers().between(1, 65507).optional().map(VrrpArbitraries::optionalInt);
        Arbitrary<OptionalInt> port = Arbitraries.integers().between(1, 65535).optional().map(VrrpArbitraries::optionalInt);
        Arbitrary<OptionalInt> ttl = Arbitraries.integers().between(1, 255).optional().map(VrrpArbitraries::optionalInt);
        return Combinators.combine(KeepalivedText.word(), Arbitraries.of(instances), id, maxlen, port, ttl,
                KeepalivedText.anyAddress().optional()).as(LvsSyncDaemon::new);
    }

    static Arbitrary<VrrpScript> script(String name) {
        return Combinators.combine(KeepalivedText.text(), KeepalivedText.positiveSeconds(),
                KeepalivedText.positiveSeconds().optional(), Arbitraries.integers().between(-253, 253),
                Arbitraries.of(true, false), Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 5),
                KeepalivedText.user().optional())
                .flatAs((command, interval, timeout, weight, reverse, rise, fall, user) -> Arbitraries.of(true, false)
                        .map(initFail -> new VrrpScript(name, command, interval, timeout, weight, reverse, rise, fall, user,
                                initFail)));
    }

    /**
     * keepalived (vrrp.c, and the reader) changes the state of a priority-255 BACKUP without nopreempt
     * to MASTER, of a strict-mode MASTER below 255 to BACKUP, drops preempt_delay in strict mode and
     * uses version 3 for IPv6 addresses: such combinations are not generated. advert_int is whole
     * seconds 1..255 for version 2 and centiseconds up to 40.95 s for version 3 (RFC 3768 5.3.7,
     * RFC 5798 5.2.7).
     */
    static Arbitrary<VrrpInstance> instance(String name, List<String> scripts) {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        Arbitrary<List<VirtualAddress>> vips = virtualAddress().list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(InitialState.values()), Arbitraries.integers().between(1, 255), b, b,
                vips, vips, Arbitraries.of(2, 3), KeepalivedText.word())
                .filter((state, prio, nopreempt, strict, v, x, version, iface) -> !(prio == 255 && !nopreempt
                        && state == InitialState.BACKUP) && !(strict && state == InitialState.MASTER && prio != 255))
                .flatAs((state, prio, nopreempt, strict, v, x, version, iface) -> {
                    int effective = !v.isEmpty() && v.get(0).address().getAddress().length == 16 ? 3 : version;
                    Arbitrary<Duration> advert = effective == 2
                            ? Arbitraries.integers().between(1, 255).map(Duration::ofSeconds)
                            : Arbitraries.integers().between(1, 4095).map(cs -> Duration.ofMillis(cs * 10L));
                    Arbitrary<Duration> preemptDelay = strict ? Arbitraries.just(Duration.ZERO)
                            : Arbitraries.oneOf(Arbitraries.just(Duration.ZERO),
                                    Arbitraries.integers().between(1, 1000).map(Duration::ofSeconds));
                    return Combinators.combine(Arbitraries.integers().between(1, 255), advert, authentication().optional(),
                            preemptDelay, b, KeepalivedText.anyAddress().optional(), KeepalivedText.anyAddress().list()
                                    .ofMaxSize(2), KeepalivedText.anyAddress().optional())
                            .flatAs((vrid, adv, auth, delay, accept, src, peers, mcast) -> Combinators.combine(
                                    trackInterface().list().ofMaxSize(2), trackScripts(scripts), b, notifyScripts(), b,
                                    garp()).as((ti, ts, dontTrack, notify, alert, garp) -> new VrrpInstance(name, state, iface,
                                            vrid, prio, adv, effective, auth, v, x, nopreempt, delay, accept, strict, src,
                                            peers, mcast, ti, ts, dontTrack, notify, alert, garp)));
                }).flatMap(i -> trackSubsystems().map(i::withTrackSubsystems));
    }

    /** Fulcrum's track_subsystem: known names and one no bundle uses (read with a warning). */
    static Arbitrary<List<TrackedSubsystem>> trackSubsystems() {
        return Combinators.combine(Arbitraries.of("proxy", "ipvs", "my-addon"), Arbitraries.integers().between(-253, 253))
                .as(TrackedSubsystem::new).list().ofMaxSize(2);
    }

    static Arbitrary<List<VrrpSyncGroup>> syncGroups(List<String> instances, List<String> scripts, List<String> files) {
        if (instances.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        // Each instance is in at most one group: split a shuffle of the instances into groups.
        return Arbitraries.shuffle(instances).flatMap(shuffled -> Arbitraries.integers().between(0, shuffled.size())
                .flatMap(used -> {
                    List<List<String>> members = new ArrayList<>();
                    for (int i = 0; i < used; i += 2) {
                        members.add(shuffled.subList(i, Math.min(i + 2, used)));
                    }
                    return KeepalivedText.text().list().ofSize(members.size()).uniqueElements()
                            .flatMap(names -> {
                                List<Arbitrary<VrrpSyncGroup>> groups = new ArrayList<>();
                                for (int i = 0; i < members.size(); i++) {
                                    groups.add(syncGroup(names.get(i), members.get(i), scripts, files));
                                }
                                return ModelText.all(groups);
                            });
                }));
    }

    static Arbitrary<VrrpSyncGroup> syncGroup(String name, List<String> members, List<String> scripts,
            List<String> files) {
        return Combinators.combine(notifyScripts(), Arbitraries.of(true, false), trackInterface().list().ofMaxSize(2),
                trackScripts(scripts), trackedFiles(files)).as((notify, alert, ti, ts, tf) -> new VrrpSyncGroup(name,
                        members, notify, alert, ti, ts, tf));
    }

    static Arbitrary<VirtualAddress> virtualAddress() {
        return KeepalivedText.anyAddress().flatMap(a -> Combinators.combine(
                Arbitraries.integers().between(0, a.getAddress().length * 8),
                (a.getAddress().length == 4 ? KeepalivedText.ipv4() : KeepalivedText.ipv6()).optional(),
                KeepalivedText.text().optional(), Arbitraries.of("site", "link", "host", "nowhere", "global").optional(),
                KeepalivedText.text().optional()).as((prefix, brd, dev, scope, label) -> new VirtualAddress(a, prefix, brd,
                        dev, scope, label)));
    }

    static Arbitrary<Authentication> authentication() {
        return Combinators.combine(Arbitraries.of(Authentication.Type.values()),
                KeepalivedText.text().filter(p -> p.length() <= Authentication.MAX_PASSWORD_LENGTH))
                .as(Authentication::new);
    }

    static Arbitrary<TrackedInterface> trackInterface() {
        return Combinators.combine(KeepalivedText.text(), Arbitraries.integers().between(-253, 253))
                .as(TrackedInterface::new);
    }

    static Arbitrary<List<TrackedScript>> trackScripts(List<String> scripts) {
        if (scripts.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        return Combinators.combine(Arbitraries.of(scripts), Arbitraries.integers().between(-253, 253).optional()
                .map(VrrpArbitraries::optionalInt)).as(TrackedScript::new).list().ofMaxSize(2);
    }

    static Arbitrary<NotifyScripts> notifyScripts() {
        Arbitrary<Optional<String>> c = KeepalivedText.text().optional();
        return Combinators.combine(c, c, c, c, c).as(NotifyScripts::new);
    }

    static Arbitrary<GarpSettings> garp() {
        return Combinators.combine(KeepalivedText.seconds().optional(),
                Arbitraries.integers().between(0, 100).optional().map(VrrpArbitraries::optionalInt),
                KeepalivedText.seconds().optional()).as(GarpSettings::new);
    }

    private static OptionalInt optionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
