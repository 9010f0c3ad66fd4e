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
import dev.fulcrum.vrrp.net.ArpAnnouncer;
import dev.fulcrum.vrrp.net.VrrpSocket;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One configured vrrp_instance with what it holds open: its rtnetlink connection, raw socket, ARP socket and reader. */
final class RunningInstance {

    private final VrrpInstance config;
    private final VrrpRouter router;
    private final Connection connection;
    private final ArpAnnouncer arp;
    private final SocketReader reader;
    /** keepalived.conf(5) {@code no_accept}; null in accept mode and for the address owner. */
    private final VipFirewall firewall;

    private RunningInstance(VrrpInstance config, VrrpRouter router, Connection connection, ArpAnnouncer arp,
            SocketReader reader, VipFirewall firewall) {
        this.config = config;
        this.router = router;
        this.connection = connection;
        this.arp = arp;
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
        Optional<String> unsupported = unsupportedUnicast(config);
        if (unsupported.isPresent()) {
            throw new IOException(unsupported.get());
        }
        Connection connection = connector.open(NetlinkProtocol.ROUTE, namespace);
        VrrpSocket socket = null;
        ArpAnnouncer arp = null;
        try {
            RouteNetlink route = new RouteNetlink(connection);
            // keepalived.conf(5): unicast_src_ip and mcast_src_ip both name the adverts' source
            InterfaceFacts facts = InterfaceFacts.read(route, config.interfaceName(),
                    config.unicastSourceIp().or(config::multicastSourceIp));
            RouterSettings settings = RouterSettings.from(config, defaults, facts.primaryAddress());
            socket = config.unicastPeers().isEmpty()
                    ? VrrpSocket.open(namespace.file(), facts.name(), facts.index(), facts.primaryAddress())
                    : VrrpSocket.openUnicast(namespace.file(), facts.name(), facts.primaryAddress(),
                            config.unicastTtl().orElse(IpEnvelope.VRRP_TTL));
            arp = ArpAnnouncer.open(namespace.file(), facts.index(), facts.hardwareAddress());
            NetworkPort port = new NetworkPort(settings, socket, arp, route, facts, config.unicastPeers());
            ReceiveValidator validator = new ReceiveValidator(settings.receiveRules(facts.subnets(),
                    config.unicastPeers()));
            VipFirewall firewall = null;
            if (!settings.accept() && !settings.isOwner()) { // RFC 5798 section 6.4.3: the owner always accepts
                firewall = new VipFirewall(runner, namespace, VipFirewall.tableName(facts.index(),
                        settings.virtualRouterId(), false));
                firewall.install(settings.installedAddresses().stream().map(VirtualAddress::address).toList());
            }
            VrrpRouter router = new VrrpRouter(settings, validator, port, loop, clock, listener);
            SocketReader reader = new SocketReader(socket, router, config.name());
            reader.start();
            router.start();
            return new RunningInstance(config, router, connection, arp, reader, firewall);
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            if (arp != null) {
                arp.close();
            }
            connection.close();
            throw e;
        }
    }

    /**
     * The raw socket is IPv4 (RFC 5798 section 5.1.1): an IPv6 {@code unicast_peer} or source address
     * is refused by name rather than silently replaced by the interface's IPv4 address.
     */
    static Optional<String> unsupportedUnicast(VrrpInstance config) {
        List<InetAddress> addresses = new ArrayList<>(config.unicastPeers());
        config.unicastSourceIp().ifPresent(addresses::add);
        config.multicastSourceIp().ifPresent(addresses::add);
        return addresses.stream().filter(a -> !(a instanceof Inet4Address)).findFirst()
                .map(a -> "unicast_peer / unicast_src_ip / mcast_src_ip " + a.getHostAddress()
                        + ": only IPv4 is supported by this VRRP runtime");
    }

    VrrpInstance config() {
        return config;
    }

    /** The same running instance under a new configuration that it has taken over live (a priority change). */
    RunningInstance withConfig(VrrpInstance next) {
        return new RunningInstance(next, router, connection, arp, reader, firewall);
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
        arp.close();
        connection.close();
    }
}
