package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden bytes from linux/netlink.h: struct nlmsghdr and NLMSG_ALIGN. */
class MessageCodecTest {

    @BeforeAll
    static void littleEndianHost() {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteOrder.nativeOrder(), "golden bytes are written for a little-endian host");
    }

    @Test
    void encodesTheHeaderInHostOrderFollowedByThePayload() {
        // RTM_GETLINK (18) dump request, seq 1, pid 0, a zeroed 16-byte struct ifinfomsg.
        NetlinkMessage message = new NetlinkMessage(18, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, 1, 0, new byte[16]);
        assertEquals("20000000" + "1200" + "0103" + "01000000" + "00000000" + "00".repeat(16),
                Hex.of(MessageCodec.encode(message)));
    }

    @Test
    void nlmsgLenCountsTheUnpaddedPayloadAndTheMessageIsPaddedToFourBytes() {
        NetlinkMessage message = new NetlinkMessage(0x10, NetlinkFlags.REQUEST, 7, 42, new byte[] {1, 2, 3, 4, 5});
        assertEquals("15000000" + "1000" + "0100" + "07000000" + "2a000000" + "0102030405" + "000000",
                Hex.of(MessageCodec.encode(message)));
    }

    @Test
    void alignRoundsUpToNlmsgAlignto() {
        assertEquals(List.of(0, 4, 4, 4, 4, 8), List.of(MessageCodec.align(0), MessageCodec.align(1), MessageCodec.align(2),
                MessageCodec.align(3), MessageCodec.align(4), MessageCodec.align(5)));
    }

    @Test
    void decodesSeveralMessagesOfOneDatagramAndToleratesAnUnpaddedLastOne() throws Exception {
        byte[] datagram = Hex.bytes("""
                15000000 1000 0200 07000000 2a000000 0102030405 000000
                14000000 0300 0200 07000000 2a000000 00000000
                11000000 1100 0000 08000000 00000000 ff
                """);
        List<NetlinkMessage> messages = MessageCodec.decode(datagram);
        assertEquals(List.of(
                new NetlinkMessage(0x10, NetlinkFlags.MULTI, 7, 42, new byte[] {1, 2, 3, 4, 5}),
                new NetlinkMessage(MessageType.DONE, NetlinkFlags.MULTI, 7, 42, new byte[4]),
                new NetlinkMessage(0x11, 0, 8, 0, new byte[] {(byte) 0xff})), messages);
    }

    @Test
    void encodeAllThenDecodeGivesTheSameMessages() throws Exception {
        List<NetlinkMessage> messages = List.of(
                new NetlinkMessage(20, 0x0605, -3, 99, new byte[] {9}),
                new NetlinkMessage(0xFFFF, 0xFFFF, Integer.MAX_VALUE, -1, new byte[0]),
                new NetlinkMessage(2, 0, 0, 0, new byte[37]));
        assertEquals(messages, MessageCodec.decode(MessageCodec.encodeAll(messages)));
    }

    @Test
    void aTruncatedHeaderIsATypedError() {
        MalformedMessageException error = assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Hex.bytes("10000000 1000 0000 01000000 00000000 0800")));
        assertTrue(error.getMessage().contains("truncated netlink header at offset 16"), error.getMessage());
    }

    @Test
    void aLengthShorterThanTheHeaderIsATypedError() {
        MalformedMessageException error = assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Hex.bytes("0c000000 1000 0000 01000000 00000000")));
        assertTrue(error.getMessage().contains("nlmsg_len 12"), error.getMessage());
    }

    @Test
    void aLengthBeyondTheDatagramIsATypedError() {
        MalformedMessageException error = assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Hex.bytes("40000000 1000 0000 01000000 00000000 00000000")));
        assertTrue(error.getMessage().contains("claims nlmsg_len 64 but 20 bytes remain"), error.getMessage());
    }

    @Test
    void aHugeUnsignedLengthIsNotReadAsNegative() {
        assertThrows(MalformedMessageException.class,
                () -> MessageCodec.decode(Hex.bytes("ffffffff 1000 0000 01000000 00000000")));
    }

    @Test
    void headerFieldsOutsideSixteenBitsAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new NetlinkMessage(0x10000, 0, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new NetlinkMessage(1, -1, 0, 0, new byte[0]));
    }

    @Test
    void thePayloadIsCopiedInAndOut() {
        byte[] payload = {1, 2};
        NetlinkMessage message = new NetlinkMessage(16, 0, 0, 0, payload);
        payload[0] = 9;
        message.payload()[1] = 9;
        assertEquals("0102", Hex.of(message.payload()));
    }
}
