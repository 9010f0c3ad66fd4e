package dev.fulcrum.netlink.internal;

import static dev.fulcrum.netlink.internal.FakeTransport.PORT_ID;
import static dev.fulcrum.netlink.internal.FakeTransport.fromKernel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.Hex;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.MessageType;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence numbers, port-id checks, ACKs, errors and multipart dumps against a fake transport. */
class NetlinkConnectionTest {

    private static final NetlinkMessage GET = NetlinkMessage.request(18, 0, new byte[16]);
    private static final InstantSource FROZEN = InstantSource.fixed(Instant.parse("2026-11-24T00:00:00Z"));

    private final FakeTransport transport = new FakeTransport();
    private final NetlinkConnection connection = new NetlinkConnection(transport, FROZEN, Duration.ofSeconds(5), 100);

    @Test
    void executeSendsARequestWithAckSequenceAndPortIdAndReturnsOnTheAck() throws Exception {
        transport.answering(request -> List.of(fromKernel(ack(request))));
        assertEquals(List.of(), connection.execute(GET));

        NetlinkMessage sent = MessageCodec.decode(transport.sent.get(0)).get(0);
        assertEquals(NetlinkFlags.REQUEST | NetlinkFlags.ACK, sent.flags());
        assertEquals(100, sent.sequence());
        assertEquals(PORT_ID, sent.portId());
        assertEquals(18, sent.type());
    }

    @Test
    void sequenceNumbersIncreaseAndSkipZero() throws Exception {
        NetlinkConnection wrapping = new NetlinkConnection(transport, FROZEN, Duration.ofSeconds(5), -1);
        transport.answering(request -> List.of(fromKernel(ack(request))));
        wrapping.execute(GET);
        wrapping.execute(GET);
        assertEquals(List.of(-1, 1), transport.sent.stream().map(NetlinkConnectionTest::sequenceOf).toList());
    }

    @Test
    void repliesBeforeTheAckAreReturned() throws Exception {
        transport.answering(request -> List.of(fromKernel(reply(request, 16, 0, "aa"), ack(request))));
        List<NetlinkMessage> replies = connection.execute(GET);
        assertEquals(1, replies.size());
        assertEquals("aa", Hex.of(replies.get(0).payload()));
    }

    @Test
    void aReplyWithAnotherSequenceOrPortIdIsDroppedAndCounted() throws Exception {
        transport.answering(request -> List.of(
                fromKernel(ack(request).withSequence(request.sequence() - 1, PORT_ID)),
                fromKernel(ack(request).withSequence(request.sequence(), PORT_ID + 1)),
                fromKernel(ack(request))));
        connection.execute(GET);
        assertEquals(2, connection.droppedMessages());
    }

    @Test
    void aDatagramFromAnotherSocketThanTheKernelIsDropped() throws Exception {
        transport.answering(request -> List.of(
                new Transport.Datagram(MessageCodec.encode(error(request, 1)), 31337),
                fromKernel(ack(request))));
        connection.execute(GET);
        assertEquals(1, connection.droppedMessages());
    }

    @Test
    void anErrorBecomesANetlinkErrorExceptionWithItsErrnoName() {
        transport.answering(request -> List.of(fromKernel(error(request, 17))));
        NetlinkErrorException error = assertThrows(NetlinkErrorException.class, () -> connection.execute(GET));
        assertEquals(17, error.errno());
        assertEquals("EEXIST", error.errnoName());
        assertEquals("netlink request type 18 failed: EEXIST (File exists)", error.getMessage());
    }

    @Test
    void noReplyBeforeTheDeadlineIsATimeout() {
        NetlinkException error = assertThrows(NetlinkException.class, () -> connection.execute(GET));
        assertEquals("netlink request type 18: no reply within 5000 ms", error.getMessage());
    }

    @Test
    void aPassedDeadlineStopsWaitingEvenWhileStrayRepliesKeepComing() {
        // Each reading of the clock advances it 3 s: deadline at 3 + 5 = 8 s; the stray reply is read
        // at 6 s, and at 9 s the connection gives up before reading the ACK queued behind it.
        Instant[] now = {Instant.EPOCH};
        InstantSource ticking = () -> now[0] = now[0].plusSeconds(3);
        NetlinkConnection clocked = new NetlinkConnection(transport, ticking, Duration.ofSeconds(5), 1);
        transport.answering(request -> List.of(fromKernel(ack(request).withSequence(77, PORT_ID)), fromKernel(ack(request))));
        NetlinkException error = assertThrows(NetlinkException.class, () -> clocked.execute(GET));
        assertTrue(error.getMessage().contains("no reply within 5000 ms"), error.getMessage());
        assertEquals(1, clocked.droppedMessages());
    }

    @Test
    void anUndecodableReplyIsATypedError() {
        transport.answering(request -> List.of(new Transport.Datagram(new byte[] {1, 2, 3}, 0)));
        assertThrows(MalformedMessageException.class, () -> connection.execute(GET));
    }

    @Test
    void aDumpCollectsMultipartRepliesAcrossDatagramsUntilDone() throws Exception {
        transport.answering(request -> List.of(
                fromKernel(reply(request, 16, NetlinkFlags.MULTI, "01"), reply(request, 16, NetlinkFlags.MULTI, "02")),
                fromKernel(reply(request, 16, NetlinkFlags.MULTI, "03")),
                fromKernel(reply(request, MessageType.DONE, NetlinkFlags.MULTI, "00000000"))));
        List<NetlinkMessage> parts = connection.dump(GET);
        assertEquals(List.of("01", "02", "03"), parts.stream().map(m -> Hex.of(m.payload())).toList());
        NetlinkMessage sent = MessageCodec.decode(transport.sent.get(0)).get(0);
        assertEquals(NetlinkFlags.REQUEST | NetlinkFlags.DUMP, sent.flags());
    }

    @Test
    void aDumpEndingInAnErrorThrowsIt() {
        transport.answering(request -> List.of(
                fromKernel(reply(request, MessageType.DONE, NetlinkFlags.MULTI, "f4ffffff"))));
        NetlinkErrorException error = assertThrows(NetlinkErrorException.class, () -> connection.dump(GET));
        assertEquals("ENOMEM", error.errnoName());
    }

    @Test
    void aDumpRefusedWithAnErrorThrowsIt() {
        transport.answering(request -> List.of(fromKernel(error(request, 95))));
        assertEquals("EOPNOTSUPP", assertThrows(NetlinkErrorException.class, () -> connection.dump(GET)).errnoName());
    }

    @Test
    void anInterruptedDumpIsRetriedAndOnlyTheConsistentAttemptIsReturned() throws Exception {
        int[] attempts = {0};
        transport.answering(request -> {
            attempts[0]++;
            int flags = NetlinkFlags.MULTI | (attempts[0] == 1 ? NetlinkFlags.DUMP_INTR : 0);
            return List.of(fromKernel(reply(request, 16, flags, "0" + attempts[0]),
                    reply(request, MessageType.DONE, flags, "00000000")));
        });
        assertEquals(List.of("02"), connection.dump(GET).stream().map(m -> Hex.of(m.payload())).toList());
        assertEquals(2, transport.sent.size());
    }

    @Test
    void aDumpThatKeepsBeingInterruptedFailsWithAClearMessage() {
        transport.answering(request -> List.of(fromKernel(
                reply(request, MessageType.DONE, NetlinkFlags.MULTI | NetlinkFlags.DUMP_INTR, "00000000"))));
        NetlinkException error = assertThrows(NetlinkException.class, () -> connection.dump(GET));
        assertTrue(error.getMessage().contains("dump interrupted 3 times"), error.getMessage());
    }

    @Test
    void receiveDropsAndCountsUndecodableDatagramsAndThoseNotFromTheKernel() throws Exception {
        NetlinkMessage notification = new NetlinkMessage(16, 0, 0, 0, new byte[16]);
        transport.incoming.add(new Transport.Datagram(new byte[] {9, 9}, 0));
        transport.incoming.add(new Transport.Datagram(MessageCodec.encode(notification), 555));
        transport.incoming.add(fromKernel(notification));
        assertEquals(List.of(), connection.receive(Duration.ZERO));
        assertEquals(List.of(), connection.receive(Duration.ZERO));
        assertEquals(List.of(notification), connection.receive(Duration.ZERO));
        assertEquals(List.of(), connection.receive(Duration.ZERO), "nothing more arrived");
        assertEquals(2, connection.droppedMessages());
    }

    @Test
    void joinGroupAndCloseReachTheTransport() throws Exception {
        connection.joinGroup(1);
        connection.close();
        assertEquals(List.of(1), transport.joinedGroups);
        assertTrue(transport.closed);
    }

    private static int sequenceOf(byte[] datagram) {
        return ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).getInt(8);
    }

    static NetlinkMessage reply(NetlinkMessage request, int type, int flags, String payloadHex) {
        return new NetlinkMessage(type, flags, request.sequence(), PORT_ID, Hex.bytes(payloadHex));
    }

    static NetlinkMessage ack(NetlinkMessage request) {
        return error(request, 0);
    }

    /** An NLMSG_ERROR answering {@code request} with -errno and its capped header (NETLINK_CAP_ACK). */
    static NetlinkMessage error(NetlinkMessage request, int errno) {
        byte[] header = java.util.Arrays.copyOf(MessageCodec.encode(request), MessageCodec.HEADER_LENGTH);
        ByteBuffer payload = ByteBuffer.allocate(4 + header.length).order(ByteOrder.nativeOrder()).putInt(-errno).put(header);
        return new NetlinkMessage(MessageType.ERROR, NetlinkFlags.CAPPED, request.sequence(), PORT_ID, payload.array());
    }
}
