package dev.fulcrum.netlink.internal;

import static dev.fulcrum.netlink.internal.FakeTransport.PORT_ID;
import static dev.fulcrum.netlink.internal.FakeTransport.fromKernel;
import static dev.fulcrum.netlink.internal.NetlinkConnectionTest.ack;
import static dev.fulcrum.netlink.internal.NetlinkConnectionTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** executeAll: requests sent back to back in windows, one datagram each, and every ACK read in order. */
class NetlinkBatchTest {

    private static final InstantSource FROZEN = InstantSource.fixed(Instant.parse("2026-11-24T00:00:00Z"));

    private final FakeTransport transport = new FakeTransport();
    private final NetlinkConnection connection = new NetlinkConnection(transport, FROZEN, Duration.ofSeconds(5), 100);

    @Test
    void aWindowGoesOutAsOneDatagramAndEachRequestGetsItsOwnOutcome() throws Exception {
        transport.answering(request -> List.of(fromKernel(request.type() == 21 ? error(request, 17) : ack(request))));

        List<Optional<NetlinkErrorException>> outcomes = connection.executeAll(List.of(request(20), request(21), request(22)));

        assertEquals(1, transport.sent.size(), "one sendto for the three requests");
        List<NetlinkMessage> sent = MessageCodec.decode(transport.sent.get(0));
        assertEquals(List.of(100, 101, 102), sent.stream().map(NetlinkMessage::sequence).toList());
        assertTrue(sent.stream().allMatch(m -> m.flags() == (NetlinkFlags.REQUEST | NetlinkFlags.ACK) && m.portId() == PORT_ID));
        assertEquals(Optional.empty(), outcomes.get(0));
        assertEquals("netlink request type 21 failed: EEXIST (File exists)", outcomes.get(1).orElseThrow().getMessage());
        assertEquals(Optional.empty(), outcomes.get(2));
    }

    @Test
    void manyRequestsAreSplitIntoWindowsAndTheOutcomesKeepTheRequestOrder() throws Exception {
        transport.answering(request -> List.of(fromKernel(request.type() % 50 == 0 ? error(request, 2) : ack(request))));
        List<NetlinkMessage> requests = IntStream.range(0, 150).mapToObj(NetlinkBatchTest::request).toList();

        List<Optional<NetlinkErrorException>> outcomes = connection.executeAll(requests);

        assertEquals(List.of(64, 64, 22), transport.sent.stream().map(d -> decode(d).size()).toList());
        assertEquals(List.of(0, 50, 100), IntStream.range(0, 150).filter(i -> outcomes.get(i).isPresent()).boxed().toList());
    }

    @Test
    void largeRequestsMakeSmallerWindows() throws Exception {
        transport.answering(request -> List.of(fromKernel(ack(request))));
        NetlinkMessage large = NetlinkMessage.request(20, 0, new byte[10_000]);

        connection.executeAll(Collections.nCopies(7, large));

        assertEquals(List.of(3, 3, 1), transport.sent.stream().map(d -> decode(d).size()).toList());
    }

    @Test
    void acksArrivingInAnotherOrderAndStrayRepliesAreSortedOut() throws Exception {
        List<NetlinkMessage> held = new ArrayList<>();
        transport.answering(request -> {
            held.add(request);
            if (held.size() < 3) {
                return List.of();
            }
            // all three ACKs in one datagram, last first, after a reply to a sequence never sent
            return List.of(fromKernel(ack(held.get(0)).withSequence(7, PORT_ID)),
                    fromKernel(ack(held.get(2)), error(held.get(1), 3), ack(held.get(0))));
        });

        List<Optional<NetlinkErrorException>> outcomes = connection.executeAll(List.of(request(1), request(2), request(3)));

        assertEquals(List.of(false, true, false), outcomes.stream().map(Optional::isPresent).toList());
        assertEquals("ESRCH", outcomes.get(1).orElseThrow().errnoName());
        assertEquals(1, connection.droppedMessages());
    }

    @Test
    void aMissingAckIsATimeoutForTheWholeExchange() {
        transport.answering(request -> request.type() == 2 ? List.of() : List.of(fromKernel(ack(request))));

        NetlinkException error = assertThrows(NetlinkException.class,
                () -> connection.executeAll(List.of(request(1), request(2), request(3))));

        assertEquals("netlink request type 2: no reply within 5000 ms", error.getMessage());
    }

    @Test
    void theDefaultSendsOneAtATimeWithTheSameOutcomes() throws Exception {
        transport.answering(request -> List.of(fromKernel(request.type() == 2 ? error(request, 17) : ack(request))));
        dev.fulcrum.netlink.Connection oneByOne = new dev.fulcrum.netlink.Connection() {
            @Override
            public List<NetlinkMessage> execute(NetlinkMessage request) throws NetlinkException {
                return connection.execute(request);
            }

            @Override
            public List<NetlinkMessage> dump(NetlinkMessage request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void joinGroup(int group) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<NetlinkMessage> receive(Duration timeout) {
                return List.of();
            }

            @Override
            public int portId() {
                return PORT_ID;
            }

            @Override
            public long droppedMessages() {
                return 0;
            }

            @Override
            public void close() {
            }
        };

        List<Optional<NetlinkErrorException>> outcomes = oneByOne.executeAll(List.of(request(1), request(2), request(3)));

        assertEquals(3, transport.sent.size());
        assertEquals(List.of(false, true, false), outcomes.stream().map(Optional::isPresent).toList());
    }

    private static NetlinkMessage request(int type) {
        return NetlinkMessage.request(type, 0, new byte[] {1, 2, 3, 4});
    }

    private static List<NetlinkMessage> decode(byte[] datagram) {
        try {
            return MessageCodec.decode(datagram);
        } catch (NetlinkException e) {
            throw new AssertionError(e);
        }
    }
}
