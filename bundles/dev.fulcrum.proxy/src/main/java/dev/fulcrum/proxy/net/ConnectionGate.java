package dev.fulcrum.proxy.net;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * A {@code maxconn} limit on client connections served at once: a frontend's (configuration.txt 4.2
 * "maxconn"), under the process-wide one of the {@code global} section (3.2 "maxconn") as its
 * parent. While a gate or its parent is full, the listeners behind it stop accepting, so further
 * clients wait in the kernel's backlog as with HAProxy; connections accepted in the same batch wait
 * here, unread, until a slot frees in both.
 */
public final class ConnectionGate {

    private final int limit;
    private final Optional<ConnectionGate> parent;
    /** Each listener paused by this gate, with the frontend gate it belongs to (itself for a frontend gate). */
    private final Map<Channel, ConnectionGate> listeners = new LinkedHashMap<>();
    private final Queue<Ticket> waiting = new ArrayDeque<>();
    private int inUse;

    /** A process-wide gate, or a frontend gate without a global limit above it. */
    public ConnectionGate(int limit) {
        this(limit, Optional.empty());
    }

    /** A frontend gate whose connections also count against {@code parent}. */
    public ConnectionGate(int limit, Optional<ConnectionGate> parent) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxconn must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.parent = parent;
    }

    public int limit() {
        return limit;
    }

    public Optional<ConnectionGate> parent() {
        return parent;
    }

    public synchronized int inUse() {
        return inUse;
    }

    private synchronized boolean hasRoom() {
        return inUse < limit;
    }

    /** Whether a listener of this gate may accept: room here and in the parent. */
    private boolean accepting() {
        return hasRoom() && parent.map(ConnectionGate::hasRoom).orElse(true);
    }

    /** A listening channel to pause while the frontend (or the whole process) is full. */
    public void register(Channel listener) {
        listen(listener, this);
        parent.ifPresent(p -> p.listen(listener, this));
        refresh(listener, this);
    }

    public void unregister(Channel listener) {
        synchronized (this) {
            listeners.remove(listener);
        }
        parent.ifPresent(p -> p.unregister(listener));
    }

    private synchronized void listen(Channel listener, ConnectionGate frontend) {
        listeners.put(listener, frontend);
    }

    /**
     * Runs {@code start} now when a slot is free here and in the parent, otherwise when both are;
     * the slots are released when {@code client} closes.
     */
    public void admit(Channel client, Runnable start) {
        if (parent.isPresent()) {
            parent.get().admitHere(client, () -> admitHere(client, start));
        } else {
            admitHere(client, start);
        }
    }

    private void admitHere(Channel client, Runnable start) {
        Ticket ticket = new Ticket(client, start);
        boolean now;
        boolean filled = false;
        synchronized (this) {
            now = inUse < limit;
            if (now) {
                filled = take(ticket);
            } else {
                waiting.add(ticket);
            }
        }
        if (filled) {
            refreshAll();
        }
        client.closeFuture().addListener(closed -> release(ticket));
        if (now) {
            start.run();
        }
    }

    /** Whether this took the last slot. */
    private boolean take(Ticket ticket) {
        ticket.admitted = true;
        inUse++;
        return inUse == limit;
    }

    private void release(Ticket ticket) {
        Ticket next;
        synchronized (this) {
            if (!ticket.admitted) {
                // Closed while waiting: it never held a slot.
                waiting.remove(ticket);
                return;
            }
            next = waiting.poll();
            if (next == null) {
                inUse--;
            } else {
                next.admitted = true;
            }
        }
        if (next == null) {
            refreshAll();
        } else {
            next.client.eventLoop().execute(next.start);
        }
    }

    private void refreshAll() {
        List<Map.Entry<Channel, ConnectionGate>> all;
        synchronized (this) {
            all = List.copyOf(listeners.entrySet());
        }
        all.forEach(e -> refresh(e.getKey(), e.getValue()));
    }

    /**
     * Switches accepting on the listener's own loop, deciding there from both gates' counts at that
     * moment: whichever gate changed last, the last task run sees the final state.
     */
    private static void refresh(Channel listener, ConnectionGate frontend) {
        listener.eventLoop().execute(() -> listener.config().setAutoRead(frontend.accepting()));
    }

    private static final class Ticket {
        final Channel client;
        final Runnable start;
        boolean admitted;

        Ticket(Channel client, Runnable start) {
            this.client = client;
            this.start = start;
        }
    }
}
