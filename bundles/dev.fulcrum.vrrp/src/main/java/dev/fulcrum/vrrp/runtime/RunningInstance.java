package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.route.RouteNetlink;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.RouterSettings;
import dev.fulcrum.vrrp.net.AdvertSocket;
import dev.fulcrum.vrrp.net.Vrrp6Socket;
import dev.fulcrum.vrrp.net.VrrpSocket;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One configured vrrp_instance with what it holds open: its rtnetlink connection, raw socket, ARP or
 * neighbour advertisement socket and reader.
 */
final class RunningInstance {

    private final VrrpInstance config;
    private final VrrpRouter router;
    private final Connection connection;
    private final AddressAnnouncer announcer;
    private final SocketReader reader;
    /** keepalived.conf(5) {@code no_accept}; null in accept mode and for the address owner. */
    private final VipFirewall firewall;

    private RunningInstance(VrrpInstance config, VrrpRouter router, Connection connection,
            AddressAnnouncer announcer, SocketReader reader, VipFirewall firewall) {
        this.config = config;
        this.router = router;
        this.connection = connection;
        this.announcer = announcer;
        this.reader = reader;
        this.firewall = firewall;
    }

    /**
     * Opens everything the instance needs and starts it in Backup (RFC 5798 section 6.4.1);
     * what cannot be opened (no interface, no CAP_NET_RAW) is an {@link IOException} naming it,
     * and nothing stays open.
     */
    static RunningInstance start(VrrpInstance config, VrrpDefaults defaults, NetlinkConnector connector,
            Namespace namespace, ProcessRunner runner, EventLoop loop, InstantSource clock,
            Consumer<StateChanged> listener) throws IOException {
        Optional<String> unsupported = familyMismatch(config);
        if (unsupported.isPresent()) {
            throw new IOException(unsupported.get());
        }
        Connection connection = connector.open(NetlinkProtocol.ROUTE, namespace);
        AdvertSocket socket = null;
        AddressAnnouncer announcer = null;
        try {
            RouteNetlink route = new RouteNetlink(connection);
            // keepalived.conf(5): unicast_src_ip and mcast_src_ip both name the adverts' source
            InterfaceFacts facts = InterfaceFacts.read(route, config.interfaceName(),
                    config.unicastSourceIp().or(config::multicastSourceIp), isIpv6(config));
            RouterSettings settings = RouterSettings.from(config, defaults, facts.primaryAddress());
            socket = openSocket(config, facts, namespace.file());
            announcer = AddressAnnouncer.open(namespace.file(), facts,
                    settings.installedAddresses().stream().map(VirtualAddress::address).toList());
            NetworkPort port = new NetworkPort(settings, socket, announcer, route, facts, config.unicastPeers());
            ReceiveValidator validator = new ReceiveValidator(settings.receiveRules(facts.subnets(),
                    config.unicastPeers()));
            VipFirewall firewall = null;
            if (!settings.accept() && !settings.isOwner()) { // RFC 5798 section 6.4.3: the owner always accepts
                firewall = new VipFirewall(runner, namespace, VipFirewall.tableName(facts.index(),
                        settings.virtualRouterId(), isIpv6(config)));
                firewall.install(settings.installedAddresses().stream().map(VirtualAddress::address).toList());
            }
            VrrpRouter router = new VrrpRouter(settings, validator, port, loop, clock, listener);
            SocketReader reader = new SocketReader(socket, router, config.name());
            reader.start();
            router.start();
            return new RunningInstance(config, router, connection, announcer, reader, firewall);
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            if (announcer != null) {
                announcer.close();
            }
            connection.close();
            throw e;
        }
    }

    /**
     * An instance is IPv6 when its first virtual address is (keepalived.conf(5): one instance, one
     * family; RFC 5798 section 5.1.2), or, without any, its first {@code unicast_peer}.
     */
    static boolean isIpv6(VrrpInstance config) {
        return config.virtualAddresses().stream().map(VirtualAddress::address).findFirst()
                .or(() -> config.unicastPeers().stream().findFirst()).orElse(null) instanceof Inet6Address;
    }

    /**
     * A {@code unicast_peer}, {@code unicast_src_ip} or {@code mcast_src_ip} of the other family than
     * the instance's is refused by name rather than silently replaced by an address of the interface.
     */
    static Optional<String> familyMismatch(VrrpInstance config) {
        boolean ipv6 = isIpv6(config);
        List<InetAddress> addresses = new ArrayList<>(config.unicastPeers());
        config.unicastSourceIp().ifPresent(addresses::add);
        config.multicastSourceIp().ifPresent(addresses::add);
        return addresses.stream().filter(a -> (a instanceof Inet6Address) != ipv6).findFirst()
                .map(a -> "unicast_peer / unicast_src_ip / mcast_src_ip " + a.getHostAddress() + " is "
                        + (ipv6 ? "IPv4" : "IPv6") + " but the instance is " + (ipv6 ? "IPv6" : "IPv4")
                        + " (the family of its first virtual_ipaddress)");
    }

    /** The raw socket of the instance's family, multicast or (with {@code unicast_peer}) unicast. */
    private static AdvertSocket openSocket(VrrpInstance config, InterfaceFacts facts, Optional<Path> namespaceFile)
            throws IOException {
        int unicastTtl = config.unicastTtl().orElse(IpEnvelope.VRRP_TTL);
        boolean multicast = config.unicastPeers().isEmpty();
        if (facts.primaryAddress() instanceof Inet6Address source) {
            return multicast ? Vrrp6Socket.open(namespaceFile, facts.name(), facts.index(), source)
                    : Vrrp6Socket.openUnicast(namespaceFile, facts.name(), facts.index(), source, unicastTtl);
        }
        return multicast ? VrrpSocket.open(namespaceFile, facts.name(), facts.index(), facts.ipv4Primary())
                : VrrpSocket.openUnicast(namespaceFile, facts.name(), facts.ipv4Primary(), unicastTtl);
    }

    VrrpInstance config() {
        return config;
    }

    /** The same running instance under a new configuration that it has taken over live (a priority change). */
    RunningInstance withConfig(VrrpInstance next) {
        return new RunningInstance(next, router, connection, announcer, reader, firewall);
    }

    VrrpRouter router() {
        return router;
    }

    /** Resigns (priority 0 if master, addresses removed), closes everything and drops the no_accept table. */
    void stop() throws InterruptedException {
        router.shutdown();
        release();
        if (firewall != null) {
            firewall.remove();
        }
    }

    /** Closes everything at once, as a crash would: no resignation, addresses and no_accept table left in place. */
    void abort() {
        release();
    }

    private void release() {
        reader.close();
        announcer.close();
        connection.close();
    }
}
