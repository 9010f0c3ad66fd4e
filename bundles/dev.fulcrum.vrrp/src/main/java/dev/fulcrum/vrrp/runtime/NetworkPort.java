package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.route.Address;
import dev.fulcrum.netlink.route.AddressScope;
import dev.fulcrum.netlink.route.RouteNetlink;
import dev.fulcrum.vrrp.fsm.RouterSettings;
import dev.fulcrum.vrrp.net.AdvertSocket;
import dev.fulcrum.vrrp.packet.AdvertCodec;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The real {@link VrrpPort}: adverts on the instance's raw socket (to 224.0.0.18 or ff02::12, or to
 * each keepalived.conf(5) {@code unicast_peer}), virtual addresses through rtnetlink like
 * {@code ip addr add VIP/PREFIX dev DEV scope SCOPE label LABEL} (IPv6 ones {@code nodad}, as
 * keepalived adds them), gratuitous ARP or unsolicited neighbour advertisements.
 */
final class NetworkPort implements VrrpPort {

    private final RouterSettings settings;
    private final AdvertSocket socket;
    private final AddressAnnouncer announcer;
    private final RouteNetlink route;
    private final InterfaceFacts facts;
    private final List<InetAddress> destinations;
    private final AdvertCodec codec;

    NetworkPort(RouterSettings settings, AdvertSocket socket, AddressAnnouncer announcer, RouteNetlink route,
            InterfaceFacts facts, List<InetAddress> unicastPeers) {
        this.settings = settings;
        this.socket = socket;
        this.announcer = announcer;
        this.route = route;
        this.facts = facts;
        this.destinations = unicastPeers.isEmpty() ? List.of(socket.group()) : List.copyOf(unicastPeers);
        this.codec = new AdvertCodec(settings.v3ChecksumAsV2());
    }

    @Override
    public void sendAdvert(int priority) throws IOException {
        List<InetAddress> addresses = settings.virtualAddresses().stream().map(VirtualAddress::address).toList();
        Advertisement advert = settings.version() == 2
                ? Advertisement.v2(settings.virtualRouterId(), priority, settings.advertIntervalField(), addresses,
                        settings.authentication().orElse(AuthData.ABSENT))
                : Advertisement.v3(settings.virtualRouterId(), priority, settings.advertIntervalField(), addresses);
        for (InetAddress destination : destinations) {
            IpEnvelope envelope = new IpEnvelope(settings.primaryAddress(), destination, IpEnvelope.VRRP_TTL);
            socket.send(codec.encode(advert, envelope), destination);
        }
    }

    @Override
    public void addAddresses(List<VirtualAddress> addresses) throws IOException {
        for (VirtualAddress vip : addresses) {
            try {
                route.addAddress(toAddress(vip));
            } catch (NetlinkErrorException e) {
                if (e.errno() != Errno.EEXIST.number()) { // already there: someone (or a previous run) added it
                    throw e;
                }
            }
        }
    }

    @Override
    public void removeAddresses(List<VirtualAddress> addresses) throws IOException {
        for (VirtualAddress vip : addresses) {
            try {
                route.deleteAddress(toAddress(vip));
            } catch (NetlinkErrorException e) {
                if (e.errno() != Errno.EADDRNOTAVAIL.number()) { // already gone
                    throw e;
                }
            }
        }
    }

    @Override
    public void announce(List<InetAddress> addresses, int repeat) throws IOException {
        for (int i = 0; i < repeat; i++) {
            for (InetAddress address : addresses) {
                announcer.announce(address);
            }
        }
    }

    /** keepalived.conf(5) {@code virtual_ipaddress}: {@code dev} defaults to the instance's interface. */
    private Address toAddress(VirtualAddress vip) throws IOException {
        int linkIndex = facts.index();
        if (vip.device().isPresent() && !vip.device().get().equals(facts.name())) {
            linkIndex = route.indexOf(vip.device().get());
        }
        AddressScope scope = vip.scope().map(AddressScope::parse).orElse(AddressScope.UNIVERSE);
        Optional<String> label = vip.address() instanceof Inet4Address ? vip.label() : Optional.empty();
        // keepalived adds IPv6 virtual addresses with IFA_F_NODAD: a tentative VIP would not answer for a second
        int flags = vip.address() instanceof Inet6Address ? Address.F_NODAD : 0;
        return new Address(linkIndex, vip.address(), vip.prefixLength(), scope, label, flags);
    }
}
