package dev.fulcrum.netlink.route;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * RTNLGRP_LINK notifications (linux/rtnetlink.h) on a connection of their own: the kernel sends an
 * RTM_NEWLINK when a link appears or its flags change (up/down, carrier) and an RTM_DELLINK when it
 * goes away. The caller polls from its own thread; closing closes the connection.
 */
public final class LinkEvents implements AutoCloseable {

    private final Connection connection;
    private long undecodable;

    private LinkEvents(Connection connection) {
        this.connection = connection;
    }

    /** Joins RTNLGRP_LINK on {@code dedicated}, which must not be used for requests. */
    public static LinkEvents subscribe(Connection dedicated) throws NetlinkException {
        dedicated.joinGroup(RouteCodec.RTNLGRP_LINK);
        return new LinkEvents(dedicated);
    }

    /**
     * The events that arrive within {@code timeout} (one datagram's worth); empty when none did.
     *
     * @throws NetlinkException naming ENOBUFS when the socket's queue overflowed and notifications
     *                          were lost (netlink(7)): the caller re-reads the links to resynchronise
     */
    public List<LinkEvent> poll(Duration timeout) throws NetlinkException {
        List<LinkEvent> events = new ArrayList<>();
        for (NetlinkMessage message : connection.receive(timeout)) {
            if (message.type() != RouteCodec.RTM_NEWLINK && message.type() != RouteCodec.RTM_DELLINK) {
                continue;
            }
            try {
                LinkEvent.Kind kind = message.type() == RouteCodec.RTM_NEWLINK ? LinkEvent.Kind.CHANGED : LinkEvent.Kind.REMOVED;
                events.add(new LinkEvent(kind, RouteCodec.decodeLink(message)));
            } catch (MalformedMessageException e) {
                undecodable++;
            }
        }
        return events;
    }

    /** Notifications dropped: undecodable link messages and whatever the connection dropped. */
    public long droppedMessages() {
        return undecodable + connection.droppedMessages();
    }

    @Override
    public void close() {
        connection.close();
    }
}
