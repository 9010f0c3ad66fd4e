package dev.fulcrum.vrrp.system;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import dev.fulcrum.netlink.route.RouteCodec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Tells when an IPv4 address appears in a namespace, from the kernel's RTNLGRP_IPV4_IFADDR
 * notification (linux/rtnetlink.h) rather than by polling {@code ip address show}: the benchmark's
 * clock stops when the RTM_NEWADDR arrives, not at the next poll of a spawned process.
 */
final class AddressWatch implements AutoCloseable {

    /** linux/rtnetlink.h enum rtnetlink_groups: RTNLGRP_IPV4_IFADDR. */
    private static final int RTNLGRP_IPV4_IFADDR = 5;

    private final Connection connection;

    private AddressWatch(Connection connection) {
        this.connection = connection;
    }

    /** Subscribes in {@code namespace}; only addresses added after this call are seen. */
    static AddressWatch open(String namespace) throws NetlinkException {
        Connection connection = new JnaNetlinkConnector().open(NetlinkProtocol.ROUTE, Namespace.named(namespace));
        try {
            connection.joinGroup(RTNLGRP_IPV4_IFADDR);
        } catch (NetlinkException e) {
            connection.close();
            throw e;
        }
        return new AddressWatch(connection);
    }

    /** The System.nanoTime() at which {@code address} was added, or empty if it was not within {@code timeout}. */
    OptionalLong awaitAdded(InetAddress address, Duration timeout) throws NetlinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            for (NetlinkMessage message : connection.receive(Duration.ofNanos(left))) {
                long at = System.nanoTime();
                if (message.type() == RouteCodec.RTM_NEWADDR && carries(message, address)) {
                    return OptionalLong.of(at);
                }
            }
        }
        return OptionalLong.empty();
    }

    private static boolean carries(NetlinkMessage message, InetAddress address) {
        try {
            return RouteCodec.decodeAddress(message).address().equals(address);
        } catch (MalformedMessageException e) {
            return false;
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
