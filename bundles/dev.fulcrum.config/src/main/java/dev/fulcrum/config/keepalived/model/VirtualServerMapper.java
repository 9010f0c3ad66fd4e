package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code virtual_server <IP> <PORT> | fwmark <INT> | group <NAME> { ... }} to
 * {@link VirtualServer}. The real servers are read after the other keywords, so that the virtual
 * server's inhibit_on_failure applies to them wherever it is written.
 */
final class VirtualServerMapper {

    private static final List<String> SCHEDULERS = List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh",
            "sed", "nq", "mh", "fo", "ovf", "twos");

    private final Args args;
    private final Names names;
    private final RealServerMapper realServers;
    private final LvsMethodReader methods;

    VirtualServerMapper(Args args, Names names) {
        this.args = args;
        this.names = names;
        this.realServers = new RealServerMapper(args);
        this.methods = new LvsMethodReader(args);
    }

    /** keepalived.conf(5): "virtual_server &lt;IPADDR&gt; [&lt;PORT&gt;] | fwmark &lt;INT&gt; | group &lt;STRING&gt;". */
    Optional<ServiceKey> key(Statement s) {
        String expected = "<IPADDR> [<PORT>], fwmark <INT> or group <NAME>";
        if (!args.count(s, 1, 2, expected)) {
            return Optional.empty();
        }
        Token first = s.arguments().get(0);
        if (s.arguments().size() == 1) {
            if (first.text().equals("fwmark") || first.text().equals("group")) {
                args.error(s, "virtual_server " + first.text() + ": expected " + expected);
                return Optional.empty();
            }
            // No port: every port (0), which IPVS allows for persistent services only (checked in the block).
            return args.address(first).map(address -> new ServiceKey.Address(address, 0));
        }
        Token second = s.arguments().get(1);
        switch (first.text()) {
            case "fwmark": return args.longValue(second, 1, 0xFFFF_FFFFL).map(ServiceKey.Fwmark::new);
            case "group":
                if (!names.serverGroups().contains(second.text())) {
                    args.error(second, "virtual_server group: no virtual_server_group of this name is defined");
                    return Optional.empty();
                }
                return Optional.of(new ServiceKey.Group(second.text()));
            default:
                Optional<InetAddress> address = args.address(first);
                Optional<Integer> port = args.integer(second, 0, 65535);
                return address.isPresent() && port.isPresent()
                        ? Optional.of(new ServiceKey.Address(address.get(), port.get())) : Optional.empty();
        }
    }

    Optional<VirtualServer> map(Statement s) {
        Reader r = new Reader(s);
        return r.read();
    }

    private final class Reader {
        private final Statement s;
        private final String context;
        private final Optional<ServiceKey> key;
        private boolean ok;
        private Duration delayLoop = VirtualServer.DEFAULT_DELAY_LOOP;
        private Scheduler scheduler = Scheduler.DEFAULT;
        private ForwardingMethod forwarding = ForwardingMethod.NAT;
        private Optional<Tunnel> tunnel = Optional.empty();
        private Optional<Duration> persistenceTimeout = Optional.empty();
        private Optional<InetAddress> granularity = Optional.empty();
        /** Empty until a {@code protocol} keyword is read; see {@link #protocolOrDefault()}. */
        private Optional<Protocol> protocol = Optional.empty();
        private Optional<Endpoint> sorry = Optional.empty();
        private boolean sorryInhibit;
        private int quorum = VirtualServer.DEFAULT_QUORUM;
        private int hysteresis = VirtualServer.DEFAULT_HYSTERESIS;
        private Optional<String> quorumUp = Optional.empty();
        private Optional<String> quorumDown = Optional.empty();
        private boolean inhibit;
        private boolean alpha;
        private boolean omega;
        private boolean haSuspend;
        private Optional<String> virtualhost = Optional.empty();
        private boolean flag1;
        private boolean flag2;
        private boolean flag3;
        private boolean ops;

        Reader(Statement s) {
            this.s = s;
            this.context = "virtual_server " + String.join(" ", s.argumentTexts());
            this.key = key(s);
            this.ok = key.isPresent();
        }

        private <T> Optional<T> check(Optional<T> value) {
            ok &= value.isPresent();
            return value;
        }

        private boolean flag(Statement c) {
            ok &= args.none(c);
            return true;
        }

        Optional<VirtualServer> read() {
            List<Statement> servers = new ArrayList<>();
            for (Statement c : s.block()) {
                if (c.keyword().equals("real_server")) {
                    servers.add(c);
                } else {
                    keyword(c);
                }
            }
            List<RealServer> list = new ArrayList<>();
            int family = key.filter(k -> k instanceof ServiceKey.Address)
                    .map(k -> ((ServiceKey.Address) k).address().getAddress().length).orElse(0);
            for (Statement c : servers) {
                Optional<RealServer> server = realServers.map(c, inhibit);
                ok &= server.isPresent();
                if (server.isPresent()) {
                    family = sameFamily(c, family, server.get().address());
                    list.add(server.get());
                }
            }
            sorry.ifPresent(e -> sameFamily(s.children("sorry_server").get(0), key.filter(k -> k instanceof ServiceKey.Address)
                    .map(k -> ((ServiceKey.Address) k).address().getAddress().length).orElse(0), e.address()));
            if (granularity.isPresent() && persistenceTimeout.isEmpty()) {
                args.warning(s.children("persistence_granularity").get(0),
                        "persistence_granularity has no effect without persistence_timeout");
            }
            if (key.filter(k -> k instanceof ServiceKey.Address a && a.port() == 0).isPresent()
                    && persistenceTimeout.isEmpty()) {
                // ipvsadm(8): "Zero port specified for non-persistent service".
                args.error(s, "virtual_server without a port (or port 0) serves every port, which IPVS allows only"
                        + " with persistence_timeout");
                ok = false;
            }
            if (!ok) {
                return Optional.empty();
            }
            Optional<Persistence> persistence = persistenceTimeout.map(t -> new Persistence(t, granularity));
            return Optional.of(new VirtualServer(key.get(), delayLoop, scheduler, forwarding, persistence, protocolOrDefault(),
                    sorry, sorryInhibit, quorum, hysteresis, quorumUp, quorumDown, inhibit, alpha, omega, haSuspend,
                    virtualhost, new SchedulerFlags(flag1, flag2, flag3), ops, list, tunnel));
        }

        /**
         * keepalived 2.2.7 (check_parser.c) gives a service by address or group without a protocol UDP,
         * with the warning "no protocol set - defaulting to UDP"; a fwmark service has no protocol of its
         * own in IPVS and keeps TCP, keepalived's value for it, silently.
         */
        private Protocol protocolOrDefault() {
            if (protocol.isPresent()) {
                return protocol.get();
            }
            if (key.get() instanceof ServiceKey.Fwmark) {
                return Protocol.TCP;
            }
            args.warning(s, "no protocol set - defaulting to UDP (as keepalived does); write 'protocol TCP' for TCP");
            return Protocol.UDP;
        }

        /** Address families must agree within a virtual server (IPVS: one family per service, except TUN). */
        private int sameFamily(Statement where, int family, InetAddress address) {
            int length = address.getAddress().length;
            if (family != 0 && family != length) {
                args.error(where, "address family differs from the virtual server's (IPv" + (family == 4 ? "4" : "6") + ")");
                ok = false;
                return family;
            }
            return length;
        }

        private void keyword(Statement c) {
            switch (c.keyword()) {
                case "delay_loop": delayLoop = check(args.seconds(c, "0.000001", "2147483")).orElse(delayLoop); break;
                case "lb_algo":
                case "lvs_sched": scheduler = check(args.choice(c, SCHEDULERS)).flatMap(Scheduler::ofIpvsName).orElse(scheduler); break;
                case "lb_kind":
                case "lvs_method": lvsMethod(c); break;
                case "persistence_timeout": persistenceTimeout(c); break;
                case "persistence_granularity": granularity = check(args.address(c)); break;
                case "protocol": protocol = check(args.choice(c, List.of("TCP", "UDP", "SCTP"))).map(Protocol::valueOf)
                        .or(() -> protocol); break;
                case "sorry_server": sorryServer(c); break;
                case "sorry_server_inhibit": sorryInhibit = flag(c); break;
                case "quorum": quorum = check(args.integer(c, 1, Integer.MAX_VALUE)).orElse(quorum); break;
                case "hysteresis": hysteresis = check(args.integer(c, 0, Integer.MAX_VALUE)).orElse(hysteresis); break;
                case "quorum_up": quorumUp = check(args.text(c, "a command")); break;
                case "quorum_down": quorumDown = check(args.text(c, "a command")); break;
                case "inhibit_on_failure": inhibit = check(args.flag(c)).orElse(inhibit); break;
                case "alpha": alpha = flag(c); break;
                case "omega": omega = flag(c); break;
                case "ha_suspend": haSuspend = flag(c); break;
                case "virtualhost": virtualhost = check(args.one(c, "a host name")).map(Token::text); break;
                case "flag-1":
                case "sh-fallback":
                case "mh-fallback": flag1 = flag(c); break;
                case "flag-2":
                case "sh-port":
                case "mh-port": flag2 = flag(c); break;
                case "flag-3": flag3 = flag(c); break;
                case "ops": ops = flag(c); break;
                default: args.problems().unsupported(c.location(), c.keyword(), context);
            }
        }

        /** keepalived.conf(5): "lvs_method TUN [type {ipip|gue port NUM|gre} [nocsum|csum|remcsum]]". */
        private void lvsMethod(Statement c) {
            Optional<LvsMethodReader.Method> method = check(methods.read(c));
            method.ifPresent(m -> {
                forwarding = m.forwarding();
                tunnel = m.tunnel();
            });
        }

        /** keepalived.conf(5): "persistence_timeout [<INT>]", 360 s (6 minutes) when given without a value. */
        private void persistenceTimeout(Statement c) {
            if (!args.count(c, 0, 1, "[<INT>] seconds")) {
                ok = false;
            } else if (c.arguments().isEmpty()) {
                persistenceTimeout = Optional.of(Persistence.DEFAULT_TIMEOUT);
            } else {
                persistenceTimeout = check(args.integer(c.arguments().get(0), 1, (int) Persistence.MAX_TIMEOUT.toSeconds())).map(Duration::ofSeconds);
            }
        }

        /** keepalived.conf(5): "sorry_server &lt;IPADDR&gt; [&lt;PORT&gt;]"; no port (0) = the service's port. */
        private void sorryServer(Statement c) {
            if (!args.count(c, 1, 2, "<IPADDR> [<PORT>]")) {
                ok = false;
                return;
            }
            Optional<InetAddress> address = check(args.address(c.arguments().get(0)));
            Optional<Integer> port = c.arguments().size() == 1 ? Optional.of(0)
                    : check(args.integer(c.arguments().get(1), 0, 65535));
            if (address.isPresent() && port.isPresent()) {
                sorry = Optional.of(new Endpoint(address.get(), port.get()));
            }
        }
    }
}
