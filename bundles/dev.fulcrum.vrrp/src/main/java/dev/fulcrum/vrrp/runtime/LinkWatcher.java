package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.route.Link;
import dev.fulcrum.netlink.route.LinkEvent;
import dev.fulcrum.netlink.route.LinkEvents;
import dev.fulcrum.netlink.route.RouteNetlink;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Link up/down for keepalived.conf(5) {@code track_interface} and the instances' own interfaces:
 * the current state of every link first, then each RTNLGRP_LINK notification, on a thread of its
 * own. After lost notifications (ENOBUFS) it reads every link again.
 */
final class LinkWatcher implements AutoCloseable {

    private static final Logger LOG = System.getLogger(LinkWatcher.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final NetlinkConnector connector;
    private final Namespace namespace;
    private final BiConsumer<String, Boolean> changed;
    private final LinkEvents events;
    private final Thread thread;
    private volatile boolean running = true;

    private LinkWatcher(NetlinkConnector connector, Namespace namespace, BiConsumer<String, Boolean> changed,
            LinkEvents events) {
        this.connector = connector;
        this.namespace = namespace;
        this.changed = changed;
        this.events = events;
        this.thread = new Thread(this::run, "vrrp-links-" + namespace);
        thread.setDaemon(true);
    }

    /** Subscribes, reports every link's current state and starts watching. */
    static LinkWatcher start(NetlinkConnector connector, Namespace namespace, BiConsumer<String, Boolean> changed)
            throws NetlinkException {
        LinkWatcher watcher = new LinkWatcher(connector, namespace, changed,
                LinkEvents.subscribe(connector.open(NetlinkProtocol.ROUTE, namespace)));
        try {
            watcher.readAll();
        } catch (NetlinkException e) {
            watcher.events.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    /** keepalived counts a link as up when it is administratively up and running (IFF_UP, IFF_RUNNING). */
    static boolean isUp(Link link) {
        return link.isUp() && (link.flags() & Link.IFF_RUNNING) != 0;
    }

    private void readAll() throws NetlinkException {
        try (Connection connection = connector.open(NetlinkProtocol.ROUTE, namespace)) {
            new RouteNetlink(connection).links().forEach(link -> changed.accept(link.name(), isUp(link)));
        }
    }

    private void run() {
        while (running) {
            try {
                for (LinkEvent event : events.poll(POLL)) {
                    boolean up = event.kind() == LinkEvent.Kind.CHANGED && isUp(event.link());
                    changed.accept(event.link().name(), up);
                }
            } catch (NetlinkException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "link notifications: " + e.getMessage() + "; reading every link again");
                try {
                    readAll();
                } catch (NetlinkException again) {
                    LOG.log(Level.WARNING, "reading links: " + again.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(POLL.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
    }
}
