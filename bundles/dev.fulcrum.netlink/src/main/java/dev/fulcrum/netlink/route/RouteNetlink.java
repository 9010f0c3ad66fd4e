package dev.fulcrum.netlink.route;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Link and address operations over a {@link dev.fulcrum.netlink.NetlinkProtocol#ROUTE} connection,
 * the subset of {@code ip link} and {@code ip addr} the VRRP subsystem needs. Kernel errors come
 * back as {@link NetlinkErrorException} naming the operation (EEXIST when adding an address twice,
 * EADDRNOTAVAIL when deleting one that is not there, ENODEV for a missing link).
 */
public final class RouteNetlink {

    private final Connection connection;

    public RouteNetlink(Connection connection) {
        this.connection = connection;
    }

    /** Every link of the namespace (RTM_GETLINK dump), in the kernel's order. */
    public List<Link> links() throws NetlinkException {
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage reply : connection.dump(RouteCodec.dumpLinks())) {
            links.add(RouteCodec.decodeLink(reply));
        }
        return links;
    }

    /** The link called {@code name}, empty when there is none (the kernel answered ENODEV). */
    public Optional<Link> link(String name) throws NetlinkException {
        checkLinkName(name);
        try {
            List<NetlinkMessage> replies = connection.execute(RouteCodec.getLink(name));
            return replies.isEmpty() ? Optional.empty() : Optional.of(RouteCodec.decodeLink(replies.get(0)));
        } catch (NetlinkErrorException e) {
            if (e.errno() == Errno.ENODEV.number()) {
                return Optional.empty();
            }
            throw e.withOperation("looking up link " + name);
        }
    }

    /** The index of link {@code name}; a missing link is an error naming it. */
    public int indexOf(String name) throws NetlinkException {
        return link(name).orElseThrow(() -> new NetlinkException("no link named \"" + name + "\"")).index();
    }

    /** Sets IFF_UP (ip link set dev X up) or clears it (down). */
    public void setLinkUp(int index, boolean up) throws NetlinkException {
        run(RouteCodec.setLinkUp(index, up), "setting link " + index + (up ? " up" : " down"));
    }

    /** Every IPv4 and IPv6 address of the namespace (RTM_GETADDR dump). */
    public List<Address> addresses() throws NetlinkException {
        List<Address> addresses = new ArrayList<>();
        for (NetlinkMessage reply : connection.dump(RouteCodec.dumpAddresses(RouteCodec.AF_UNSPEC))) {
            addresses.add(RouteCodec.decodeAddress(reply));
        }
        return addresses;
    }

    /** The addresses of one link. */
    public List<Address> addresses(int linkIndex) throws NetlinkException {
        return addresses().stream().filter(a -> a.linkIndex() == linkIndex).toList();
    }

    /** Adds an address (ip addr add); EEXIST when the link already has it. */
    public void addAddress(Address address) throws NetlinkException {
        run(RouteCodec.addAddress(address), "adding address " + address.cidr() + " to link " + address.linkIndex());
    }

    /** Deletes an address (ip addr del); EADDRNOTAVAIL when the link does not have it. */
    public void deleteAddress(Address address) throws NetlinkException {
        run(RouteCodec.deleteAddress(address), "deleting address " + address.cidr() + " from link " + address.linkIndex());
    }

    private void run(NetlinkMessage request, String operation) throws NetlinkException {
        try {
            connection.execute(request);
        } catch (NetlinkErrorException e) {
            throw e.withOperation(operation);
        }
    }

    private static void checkLinkName(String name) {
        // IFNAMSIZ (linux/if.h): 15 bytes and a NUL.
        if (name == null || name.isEmpty() || name.length() > 15 || name.contains("/") || name.isBlank()) {
            throw new IllegalArgumentException("not a link name: \"" + name + "\"");
        }
    }
}
