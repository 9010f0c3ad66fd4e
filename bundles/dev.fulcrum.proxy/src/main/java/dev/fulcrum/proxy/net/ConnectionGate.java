package dev.fulcrum.proxy.net;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * A frontend's {@code maxconn} (configuration.txt 4.2 "maxconn"): at most that many client
 * connections are served at once. When the limit is reached the frontend's listeners stop
 * accepting, so further clients wait in the kernel's backlog as with HAProxy; connections accepted
 * in the same batch wait here, unread, until a slot frees.
 */
public final class ConnectionGate {

    private final int limit;
    private final List<Channel> listeners = new ArrayList<>();
    private final Queue<Ticket> waiting = new ArrayDeque<>();
    private int inUse;

    public ConnectionGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxconn must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public synchronized int inUse() {
        return inUse;
    }

    /** A listening channel to pause while the frontend is full. */
    public synchronized void register(Channel listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
        accepting(listener, inUse < limit);
    }

    public synchronized void unregister(Channel listener) {
        listeners.remove(listener);
    }

    /**
     * Runs {@code start} now when a slot is free, otherwise when one frees; the slot is released
     * when {@code client} closes.
     */
    public void admit(Channel client, Runnable start) {
        Ticket ticket = new Ticket(client, start);
        boolean now;
        synchronized (this) {
            now = inUse < limit;
            if (now) {
                take(ticket);
            } else {
                waiting.add(ticket);
            }
        }
        client.closeFuture().addListener(closed -> release(ticket));
        if (now) {
            start.run();
        }
    }

    private void take(Ticket ticket) {
        ticket.admitted = true;
        inUse++;
        if (inUse == limit) {
            listeners.forEach(l -> accepting(l, false));
        }
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
                listeners.forEach(l -> accepting(l, true));
            } else {
                next.admitted = true;
            }
        }
        if (next != null) {
            next.client.eventLoop().execute(next.start);
        }
    }

    /** Switches accepting on the listener's own loop, so that pauses and resumes apply in order. */
    private static void accepting(Channel listener, boolean on) {
        listener.eventLoop().execute(() -> listener.config().setAutoRead(on));
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
