package dev.fulcrum.netlink.internal;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.ErrorMessage;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.MessageType;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Request/reply logic over a {@link Transport}: numbers requests, keeps only replies from the kernel
 * (sender port id 0) addressed to this socket's port id with the request's sequence number, turns
 * NLMSG_ERROR into an ACK or a {@link NetlinkErrorException}, and gathers NLM_F_MULTI dump parts up
 * to NLMSG_DONE (linux/netlink.h; netlink(7) "Reliability").
 */
final class NetlinkConnection implements Connection {

    /** How often a dump is retried when the kernel flags it NLM_F_DUMP_INTR (the table changed meanwhile). */
    private static final int DUMP_ATTEMPTS = 3;

    /**
     * Requests {@link #executeAll} sends in one datagram before reading their ACKs. Each queued ACK
     * takes room in the socket's receive buffer and the kernel drops ACKs that do not fit (ENOBUFS,
     * netlink(7)): 64 small ACKs stay far below the default net.core.rmem_default.
     */
    static final int WINDOW = 64;
    /** A window's datagram stays well below the default socket send buffer (netlink_sendmsg: EMSGSIZE). */
    static final int MAX_WINDOW_BYTES = 32 * 1024;

    private final Transport transport;
    private final InstantSource clock;
    private final Duration replyTimeout;
    private final AtomicLong dropped = new AtomicLong();
    private int lastSequence;

    NetlinkConnection(Transport transport, InstantSource clock, Duration replyTimeout, int firstSequence) {
        this.transport = transport;
        this.clock = clock;
        this.replyTimeout = replyTimeout;
        this.lastSequence = firstSequence - 1;
    }

    @Override
    public synchronized List<NetlinkMessage> execute(NetlinkMessage request) throws NetlinkException {
        int sequence = send(request, NetlinkFlags.REQUEST | NetlinkFlags.ACK);
        Instant deadline = clock.instant().plus(replyTimeout);
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            for (NetlinkMessage reply : receiveReplies(sequence, deadline, request)) {
                switch (reply.type()) {
                    case MessageType.ERROR -> {
                        ErrorMessage error = ErrorMessage.decode(reply);
                        if (error.isAck()) {
                            return replies;
                        }
                        throw new NetlinkErrorException(describe(request), error);
                    }
                    case MessageType.NOOP, MessageType.DONE -> { }
                    default -> replies.add(reply);
                }
            }
        }
    }

    /**
     * Sends the requests in windows, each window as one datagram, and reads the window's ACKs before
     * sending the next: one sendto per window instead of one round trip per request.
     */
    @Override
    public synchronized List<Optional<NetlinkErrorException>> executeAll(List<NetlinkMessage> requests)
            throws NetlinkException {
        List<Optional<NetlinkErrorException>> outcomes = new ArrayList<>(requests.size());
        int start = 0;
        while (start < requests.size()) {
            int end = start + 1;
            int bytes = MessageCodec.align(MessageCodec.HEADER_LENGTH + requests.get(start).payload().length);
            while (end < requests.size() && end - start < WINDOW) {
                bytes += MessageCodec.align(MessageCodec.HEADER_LENGTH + requests.get(end).payload().length);
                if (bytes > MAX_WINDOW_BYTES) {
                    break;
                }
                end++;
            }
            outcomes.addAll(executeWindow(requests.subList(start, end)));
            start = end;
        }
        return outcomes;
    }

    private List<Optional<NetlinkErrorException>> executeWindow(List<NetlinkMessage> window) throws NetlinkException {
        Map<Integer, Integer> indexBySequence = new HashMap<>();
        List<NetlinkMessage> numbered = new ArrayList<>(window.size());
        for (NetlinkMessage request : window) {
            indexBySequence.put(nextSequence(), numbered.size());
            numbered.add(request.withFlags(request.flags() | NetlinkFlags.REQUEST | NetlinkFlags.ACK)
                    .withSequence(lastSequence, transport.portId()));
        }
        transport.send(MessageCodec.encodeAll(numbered));
        List<Optional<NetlinkErrorException>> outcomes = new ArrayList<>(window.size());
        window.forEach(request -> outcomes.add(null));
        int answered = 0;
        Instant deadline = clock.instant().plus(replyTimeout);
        while (answered < window.size()) {
            NetlinkMessage waitingFor = window.get(outcomes.indexOf(null));
            for (NetlinkMessage reply : receiveReplies(indexBySequence::containsKey, deadline, waitingFor)) {
                int index = indexBySequence.get(reply.sequence());
                if (reply.type() != MessageType.ERROR || outcomes.get(index) != null) {
                    continue; // only the ACK or error answers a change; other replies are not asked for
                }
                ErrorMessage error = ErrorMessage.decode(reply);
                outcomes.set(index, error.isAck() ? Optional.empty()
                        : Optional.of(new NetlinkErrorException(describe(window.get(index)), error)));
                answered++;
            }
        }
        return outcomes;
    }

    @Override
    public synchronized List<NetlinkMessage> dump(NetlinkMessage request) throws NetlinkException {
        for (int attempt = 1; ; attempt++) {
            Optional<List<NetlinkMessage>> parts = dumpOnce(request);
            if (parts.isPresent()) {
                return parts.get();
            }
            if (attempt == DUMP_ATTEMPTS) {
                throw new NetlinkException(describe(request) + ": dump interrupted " + DUMP_ATTEMPTS
                        + " times (NLM_F_DUMP_INTR: the table kept changing)");
            }
        }
    }

    /** The dump's parts, or empty when the kernel flagged it inconsistent (NLM_F_DUMP_INTR). */
    private Optional<List<NetlinkMessage>> dumpOnce(NetlinkMessage request) throws NetlinkException {
        int sequence = send(request, NetlinkFlags.REQUEST | NetlinkFlags.DUMP);
        Instant deadline = clock.instant().plus(replyTimeout);
        List<NetlinkMessage> parts = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            for (NetlinkMessage reply : receiveReplies(sequence, deadline, request)) {
                interrupted |= reply.hasFlag(NetlinkFlags.DUMP_INTR);
                switch (reply.type()) {
                    case MessageType.DONE -> {
                        Optional<ErrorMessage> error = ErrorMessage.ofDone(reply, request.type());
                        if (error.isPresent()) {
                            throw new NetlinkErrorException(describe(request), error.get());
                        }
                        return interrupted ? Optional.empty() : Optional.of(parts);
                    }
                    case MessageType.ERROR -> {
                        ErrorMessage error = ErrorMessage.decode(reply);
                        if (!error.isAck()) {
                            throw new NetlinkErrorException(describe(request), error);
                        }
                    }
                    case MessageType.NOOP -> { }
                    default -> {
                        parts.add(reply);
                        if (!reply.hasFlag(NetlinkFlags.MULTI)) {
                            return Optional.of(parts); // a single answer, not a multipart dump
                        }
                    }
                }
            }
        }
    }

    @Override
    public void joinGroup(int group) throws NetlinkException {
        transport.joinGroup(group);
    }

    @Override
    public List<NetlinkMessage> receive(Duration timeout) throws NetlinkException {
        Optional<Transport.Datagram> datagram = transport.receive(timeout);
        if (datagram.isEmpty()) {
            return List.of();
        }
        if (datagram.get().senderPortId() != 0) {
            dropped.incrementAndGet();
            return List.of();
        }
        try {
            return MessageCodec.decode(datagram.get().bytes());
        } catch (MalformedMessageException e) {
            dropped.incrementAndGet();
            return List.of();
        }
    }

    @Override
    public int portId() {
        return transport.portId();
    }

    @Override
    public long droppedMessages() {
        return dropped.get();
    }

    @Override
    public void close() {
        transport.close();
    }

    private int send(NetlinkMessage request, int flags) throws NetlinkException {
        NetlinkMessage numbered = request.withFlags(request.flags() | flags).withSequence(nextSequence(), transport.portId());
        transport.send(MessageCodec.encode(numbered));
        return lastSequence;
    }

    private int nextSequence() {
        // Sequence 0 is what notifications carry: skip it so that no reply is mistaken for one.
        lastSequence = lastSequence == -1 ? 1 : lastSequence + 1;
        return lastSequence;
    }

    /**
     * The next datagram's messages that answer {@code sequence}; anything else is dropped and counted.
     * A malformed reply datagram fails the request: the kernel's answer cannot be trusted.
     */
    private List<NetlinkMessage> receiveReplies(int sequence, Instant deadline, NetlinkMessage request)
            throws NetlinkException {
        return receiveReplies(s -> s == sequence, deadline, request);
    }

    /** The same for the requests whose sequence numbers {@code ours} accepts. */
    private List<NetlinkMessage> receiveReplies(IntPredicate ours, Instant deadline, NetlinkMessage request)
            throws NetlinkException {
        Duration left = Duration.between(clock.instant(), deadline);
        Optional<Transport.Datagram> datagram = left.isNegative() ? Optional.empty() : transport.receive(left);
        if (datagram.isEmpty()) {
            throw new NetlinkException(describe(request) + ": no reply within " + replyTimeout.toMillis() + " ms");
        }
        if (datagram.get().senderPortId() != 0) {
            dropped.incrementAndGet();
            return List.of();
        }
        List<NetlinkMessage> replies = new ArrayList<>();
        for (NetlinkMessage message : MessageCodec.decode(datagram.get().bytes())) {
            if (ours.test(message.sequence()) && message.portId() == transport.portId()) {
                replies.add(message);
            } else {
                dropped.incrementAndGet();
            }
        }
        return replies;
    }

    private static String describe(NetlinkMessage request) {
        return "netlink request type " + request.type();
    }
}
