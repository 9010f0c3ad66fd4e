package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid LVS models in the shapes the keepalived.conf reader produces, port 0 included (no port given:
 * every port for a persistent virtual server, the service's port for real and sorry servers).
 */
final class LvsArbitraries {

    private LvsArbitraries() {
    }

    static Arbitrary<LvsConfig> configs() {
        Arbitrary<List<VirtualServerGroup>> groups = KeepalivedText.text().list().ofMaxSize(2).uniqueElements()
                .flatMap(names -> ModelText.all(names.stream().map(LvsArbitraries::group).toList()));
        return groups.flatMap(gs -> {
            List<String> names = gs.stream().map(VirtualServerGroup::name).toList();
            return key(names).list().ofMaxSize(3).uniqueElements()
                    .flatMap(keys -> ModelText.all(keys.stream().map(LvsArbitraries::virtualServer).toList()))
                    .map(vs -> new LvsConfig(vs, gs));
        });
    }

    /** One address family per group (the reader requires it). */
    static Arbitrary<VirtualServerGroup> group(String name) {
        Arbitrary<VirtualServerGroup.Member> fwmark = fwmark().map(VirtualServerGroup.Fwmark::new);
        return Arbitraries.of(4, 16).flatMap(family -> Arbitraries.oneOf(fwmark, range(family)).list().ofMaxSize(3)
                .map(members -> new VirtualServerGroup(name, members)));
    }

    /** A range ends at a last octet (IPv4) or last 16 bits (IPv6) not below the first address's. */
    static Arbitrary<VirtualServerGroup.Member> range(int family) {
        return Combinators.combine(family == 4 ? KeepalivedText.ipv4() : KeepalivedText.ipv6(),
                Arbitraries.integers().between(0, 0xffff), portOrZero())
                .as((first, end, port) -> {
                    byte[] b = first.getAddress();
                    if (b.length == 4) {
                        b[3] = (byte) Math.max(b[3] & 0xff, end & 0xff);
                    } else {
                        int last = Math.max(((b[14] & 0xff) << 8) | (b[15] & 0xff), end);
                        b[14] = (byte) (last >> 8);
                        b[15] = (byte) last;
                    }
                    return new VirtualServerGroup.AddressRange(first, KeepalivedText.address(b), port);
                });
    }

    static Arbitrary<ServiceKey> key(List<String> groups) {
        Arbitrary<ServiceKey> address = Combinators.combine(KeepalivedText.anyAddress(), portOrZero())
                .as(ServiceKey.Address::new);
        Arbitrary<ServiceKey> mark = fwmark().map(ServiceKey.Fwmark::new);
        return groups.isEmpty() ? Arbitraries.oneOf(address, mark)
                : Arbitraries.oneOf(address, mark, Arbitraries.of(groups).map(ServiceKey.Group::new));
    }

    /** Real servers and the sorry server have the family of an address key (or of the first real server). */
    static Arbitrary<VirtualServer> virtualServer(ServiceKey key) {
        Arbitrary<InetAddress> addresses = key instanceof ServiceKey.Address
                ? (((ServiceKey.Address) key).address().getAddress().length == 4 ? KeepalivedText.ipv4() : KeepalivedText.ipv6())
                : Arbitraries.of(4, 16).flatMap(f -> f == 4 ? KeepalivedText.ipv4() : KeepalivedText.ipv6());
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        Arbitrary<Persistence> persistent = Combinators.combine(
                Arbitraries.integers().between(1, 2_678_400).map(Duration::ofSeconds), KeepalivedText.anyAddress().optional())
                .as(Persistence::new);
        // IPVS: port 0 (every port) only for a persistent service.
        boolean everyPort = key instanceof ServiceKey.Address a && a.port() == 0;
        Arbitrary<Optional<Persistence>> persistence = everyPort ? persistent.map(Optional::of) : persistent.optional();
        return addresses.flatMap(family -> {
            Arbitrary<InetAddress> sameFamily = family.getAddress().length == 4 ? KeepalivedText.ipv4()
                    : KeepalivedText.ipv6();
            return Combinators.combine(KeepalivedText.positiveSeconds(), Arbitraries.of(Scheduler.values()),
                    Arbitraries.of(ForwardingMethod.values()), persistence, Arbitraries.of(Protocol.values()),
                    Combinators.combine(sameFamily, portOrZero()).as(Endpoint::new).optional(), b,
                    Arbitraries.integers().between(1, 5))
                    .flatAs((delay, sched, fwd, pers, proto, sorry, sorryInhibit, quorum) -> Combinators.combine(
                            Arbitraries.integers().between(0, 5), KeepalivedText.text().optional(),
                            KeepalivedText.text().optional(), b, b, b, b, KeepalivedText.text().optional())
                            .flatAs((hyst, up, down, inhibit, alpha, omega, suspend, vhost) -> Combinators.combine(
                                    Combinators.combine(b, b, b).as(SchedulerFlags::new), b,
                                    realServer(sameFamily).list().ofMaxSize(2), tunnel().optional())
                                    .as((flags, ops, reals, tunnel) -> new VirtualServer(key, delay, sched, fwd, pers, proto,
                                            sorry, sorryInhibit, quorum, hyst, up, down, inhibit, alpha, omega, suspend, vhost,
                                            flags, ops, reals, tunnel.filter(t -> fwd == ForwardingMethod.TUN)))));
        });
    }

    static Arbitrary<RealServer> realServer(Arbitrary<InetAddress> addresses) {
        return Combinators.combine(addresses, portOrZero(), Arbitraries.integers().between(0, 65535),
                Arbitraries.of(ForwardingMethod.values()).optional(), Arbitraries.of(true, false),
                KeepalivedText.text().optional(), KeepalivedText.text().optional(), Arbitraries.integers().between(0, 9))
                .flatAs((address, port, weight, fwd, inhibit, up, down, upper) -> Combinators.combine(
                        Arbitraries.integers().between(0, 9), checker().list().ofMaxSize(2), tunnel().optional())
                        .as((lower, checkers, tunnel) -> new RealServer(address, port, weight, fwd, inhibit, up, down, upper,
                                lower, checkers, tunnel.filter(t -> fwd.equals(Optional.of(ForwardingMethod.TUN))))));
    }

    /** lvs_method TUN type ipip | gue port N [nocsum|csum|remcsum] | gre [nocsum|csum]. */
    static Arbitrary<Tunnel> tunnel() {
        return Arbitraries.of(Tunnel.Type.values()).flatMap(type -> switch (type) {
            case IPIP -> Arbitraries.just(Tunnel.IPIP);
            case GRE -> Arbitraries.of(Tunnel.Checksum.NOCSUM, Tunnel.Checksum.CSUM).map(c -> new Tunnel(type, 0, c));
            case GUE -> Combinators.combine(Arbitraries.integers().between(1, 65535), Arbitraries.of(Tunnel.Checksum.values()))
                    .as((port, c) -> new Tunnel(type, port, c));
        });
    }

    static Arbitrary<HealthChecker> checker() {
        Arbitrary<CheckCommon> common = common();
        Arbitrary<HealthChecker> tcp = common.map(HealthChecker.TcpCheck::new);
        // enable_sni is an SSL_GET keyword only (keepalived.conf(5)).
        Arbitrary<HealthChecker> http = Combinators.combine(Arbitraries.of(true, false), common, url().list().ofMinSize(1)
                .ofMaxSize(2), KeepalivedText.text().optional(), Arbitraries.of("1.0", "1.1", "1.0C", "1.0K").optional(),
                Arbitraries.of(true, false)).as((ssl, c, urls, vhost, protocol, sni) -> new HealthChecker.HttpGet(ssl, c, urls,
                        vhost, protocol, ssl && sni));
        Arbitrary<HealthChecker> misc = Combinators.combine(common, KeepalivedText.text(),
                KeepalivedText.positiveSeconds().optional(), Arbitraries.of(true, false), KeepalivedText.user().optional())
                .as(HealthChecker.MiscCheck::new);
        Arbitrary<HealthChecker> smtp = Combinators.combine(common, KeepalivedText.text().optional())
                .as(HealthChecker.SmtpCheck::new);
        Arbitrary<HealthChecker> dns = Combinators.combine(common, Arbitraries.of("A", "NS", "CNAME", "SOA", "MX", "TXT",
                "AAAA"), KeepalivedText.text()).as(HealthChecker.DnsCheck::new);
        return Arbitraries.oneOf(tcp, http, misc, smtp, dns);
    }

    static Arbitrary<CheckCommon> common() {
        Arbitrary<OptionalInt> port = port().optional().map(p -> p.map(OptionalInt::of).orElse(OptionalInt.empty()));
        return Combinators.combine(KeepalivedText.anyAddress().optional(), port, KeepalivedText.anyAddress().optional(), port,
                KeepalivedText.positiveSeconds(), Arbitraries.integers().between(0, 9), KeepalivedText.seconds(),
                KeepalivedText.seconds().optional())
                .flatAs((ip, cport, bind, bport, timeout, retry, delay, warmup) -> KeepalivedText.positiveSeconds()
                        .optional().map(loop -> new CheckCommon(ip, cport, bind, bport, timeout, retry, delay, warmup, loop)));
    }

    static Arbitrary<Url> url() {
        Arbitrary<Url.StatusRange> status = Arbitraries.integers().between(100, 599).flatMap(from ->
                Arbitraries.integers().between(from, 599).map(to -> new Url.StatusRange(from, to)));
        return Combinators.combine(KeepalivedText.text(), Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
                .optional(), status.list().ofMaxSize(2), KeepalivedText.text().optional()).as(Url::new);
    }

    static Arbitrary<Integer> portOrZero() {
        return Arbitraries.oneOf(Arbitraries.just(0), port());
    }

    static Arbitrary<Integer> port() {
        return Arbitraries.integers().between(1, 65535);
    }

    static Arbitrary<Long> fwmark() {
        return Arbitraries.longs().between(1, 0xFFFF_FFFFL);
    }
}
