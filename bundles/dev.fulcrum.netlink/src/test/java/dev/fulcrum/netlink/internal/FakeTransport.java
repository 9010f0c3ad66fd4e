package dev.fulcrum.netlink.internal;

import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bytes in, bytes out: records what the connection sends and answers each request with datagrams
 * a script builds from the request as it was sent (so replies can echo its sequence number).
 * An exhausted queue behaves like a socket on which nothing arrives.
 */
final class FakeTransport implements Transport {

    static final int PORT_ID = 4242;

    final List<byte[]> sent = new ArrayList<>();
    final Deque<Transport.Datagram> incoming = new ArrayDeque<>();
    final List<Integer> joinedGroups = new ArrayList<>();
    private Function<NetlinkMessage, List<Transport.Datagram>> script = request -> List.of();
    boolean closed;

    /** On each send, queue the datagrams {@code replies} makes from the decoded request. */
    FakeTransport answering(Function<NetlinkMessage, List<Transport.Datagram>> replies) {
        this.script = replies;
        return this;
    }

    static Transport.Datagram fromKernel(NetlinkMessage... messages) {
        return new Transport.Datagram(MessageCodec.encodeAll(List.of(messages)), 0);
    }

    @Override
    public int portId() {
        return PORT_ID;
    }

    @Override
    public void send(byte[] datagram) throws NetlinkException {
        sent.add(datagram);
        for (NetlinkMessage request : MessageCodec.decode(datagram)) {
            incoming.addAll(script.apply(request)); // the kernel answers each message of a datagram in turn
        }
    }

    @Override
    public Optional<Transport.Datagram> receive(Duration timeout) {
        return Optional.ofNullable(incoming.poll());
    }

    @Override
    public void joinGroup(int group) {
        joinedGroups.add(group);
    }

    @Override
    public void close() {
        closed = true;
    }
}
