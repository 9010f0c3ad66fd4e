package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.vrrp.net.ArpAnnouncer;
import dev.fulcrum.vrrp.net.NeighbourAnnouncer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells the segment where the virtual addresses now live (RFC 5798 section 6.4.2): gratuitous ARP
 * for IPv4 addresses, unsolicited neighbour advertisements for IPv6 ones. Each socket is opened only
 * when the instance has addresses of its family ({@code virtual_ipaddress_excluded} may mix them).
 */
final class AddressAnnouncer implements AutoCloseable {

    private final Optional<ArpAnnouncer> arp;
    private final Optional<NeighbourAnnouncer> neighbour;

    private AddressAnnouncer(Optional<ArpAnnouncer> arp, Optional<NeighbourAnnouncer> neighbour) {
        this.arp = arp;
        this.neighbour = neighbour;
    }

    static AddressAnnouncer open(Optional<Path> namespaceFile, InterfaceFacts facts, List<InetAddress> addresses)
            throws IOException {
        Optional<ArpAnnouncer> arp = addresses.stream().anyMatch(Inet4Address.class::isInstance)
                ? Optional.of(ArpAnnouncer.open(namespaceFile, facts.index(), facts.hardwareAddress()))
                : Optional.empty();
        try {
            if (addresses.stream().noneMatch(Inet6Address.class::isInstance)) {
                return new AddressAnnouncer(arp, Optional.empty());
            }
            Inet6Address linkLocal = facts.linkLocal().orElseThrow(() -> new IOException("interface " + facts.name()
                    + ": IPv6 virtual addresses need an IPv6 instance (the first virtual_ipaddress IPv6)"));
            return new AddressAnnouncer(arp, Optional.of(NeighbourAnnouncer.open(namespaceFile, facts.name(),
                    facts.index(), facts.hardwareAddress(), linkLocal)));
        } catch (IOException | RuntimeException e) {
            arp.ifPresent(ArpAnnouncer::close);
            throw e;
        }
    }

    /** One announcement for {@code address}. */
    void announce(InetAddress address) throws IOException {
        if (address instanceof Inet4Address ipv4 && arp.isPresent()) {
            arp.get().announce(ipv4);
        } else if (address instanceof Inet6Address ipv6 && neighbour.isPresent()) {
            neighbour.get().announce(ipv6);
        }
    }

    @Override
    public void close() {
        arp.ifPresent(ArpAnnouncer::close);
        neighbour.ifPresent(NeighbourAnnouncer::close);
    }
}
