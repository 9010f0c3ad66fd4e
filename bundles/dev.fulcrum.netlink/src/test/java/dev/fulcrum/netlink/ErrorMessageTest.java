package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** struct nlmsgerr and enum nlmsgerr_attrs (linux/netlink.h), with NETLINK_CAP_ACK and NETLINK_EXT_ACK. */
class ErrorMessageTest {

    /** The request header an NLMSG_ERROR echoes: RTM_NEWADDR (20), len 40, flags 0x605, seq 5, pid 100. */
    private static final String REQUEST_HEADER = "28000000 1400 0506 05000000 64000000";

    @Test
    void errorZeroIsAnAck() throws Exception {
        ErrorMessage ack = ErrorMessage.decode(new NetlinkMessage(MessageType.ERROR, NetlinkFlags.CAPPED, 5, 100,
                Hex.bytes("00000000" + REQUEST_HEADER)));
        assertTrue(ack.isAck());
        assertEquals(20, ack.requestType());
        assertEquals(5, ack.requestSequence());
        assertEquals(Optional.empty(), ack.extendedMessage());
    }

    @Test
    void aCappedErrorWithExtendedAckCarriesTheMessageAndTheAttributeOffset() throws Exception {
        byte[] payload = Hex.bytes("efffffff" + REQUEST_HEADER
                + "0800 0100 62616400"   // NLMSGERR_ATTR_MSG "bad"
                + "0800 0200 18000000"); // NLMSGERR_ATTR_OFFS 24
        ErrorMessage error = ErrorMessage.decode(new NetlinkMessage(MessageType.ERROR,
                NetlinkFlags.CAPPED | NetlinkFlags.ACK_TLVS, 5, 100, payload));
        assertEquals(17, error.errno());
        assertFalse(error.isAck());
        assertEquals(Optional.of("bad"), error.extendedMessage());
        assertEquals(OptionalInt.of(24), error.attributeOffset());

        NetlinkErrorException exception = new NetlinkErrorException("adding address 10.0.0.1/24", error);
        assertEquals("EEXIST", exception.errnoName());
        assertEquals(Optional.of(Errno.EEXIST), exception.knownErrno());
        assertEquals("adding address 10.0.0.1/24 failed: EEXIST (File exists): bad", exception.getMessage());
    }

    @Test
    void anUncappedErrorEchoesTheWholeRequestAndTheAttributesStartAfterItsAlignedLength() throws Exception {
        // Request of 21 bytes (header + 5), so the extended-ACK attributes start at NLMSG_ALIGN(4 + 21) = 28.
        byte[] payload = Hex.bytes("eaffffff" + "15000000 1000 0500 09000000 00000000 0102030405" + "000000"
                + "0800 0100 78797a00");
        ErrorMessage error = ErrorMessage.decode(new NetlinkMessage(MessageType.ERROR, NetlinkFlags.ACK_TLVS, 9, 0, payload));
        assertEquals(22, error.errno());
        assertEquals(16, error.requestType());
        assertEquals(Optional.of("xyz"), error.extendedMessage());
    }

    @Test
    void aDoneWithANegativeIntIsADumpError() throws Exception {
        Optional<ErrorMessage> error = ErrorMessage.ofDone(new NetlinkMessage(MessageType.DONE,
                NetlinkFlags.MULTI | NetlinkFlags.ACK_TLVS, 3, 7, Hex.bytes("f4ffffff 0b00 0100 6e6f206d656d00 00")), 18);
        assertEquals(12, error.orElseThrow().errno());
        assertEquals(Optional.of("no mem"), error.get().extendedMessage());
        assertEquals(Optional.empty(), ErrorMessage.ofDone(new NetlinkMessage(MessageType.DONE, NetlinkFlags.MULTI, 3, 7,
                new byte[4]), 18));
        assertEquals(Optional.empty(), ErrorMessage.ofDone(new NetlinkMessage(MessageType.DONE, 0, 3, 7, new byte[0]), 18));
    }

    @Test
    void malformedErrorsAreTypedErrors() {
        assertThrows(MalformedMessageException.class, () -> ErrorMessage.decode(
                new NetlinkMessage(MessageType.ERROR, 0, 1, 1, new byte[19])), "shorter than error + header");
        assertThrows(MalformedMessageException.class, () -> ErrorMessage.decode(
                new NetlinkMessage(MessageType.ERROR, 0, 1, 1, Hex.bytes("01000000" + REQUEST_HEADER))), "positive error");
        assertThrows(MalformedMessageException.class, () -> ErrorMessage.decode(
                new NetlinkMessage(MessageType.ERROR, NetlinkFlags.ACK_TLVS, 1, 1, Hex.bytes("eaffffff" + REQUEST_HEADER))),
                "uncapped, echoes 40 bytes but carries 16");
        assertThrows(MalformedMessageException.class, () -> ErrorMessage.decode(
                new NetlinkMessage(MessageType.DONE, 0, 1, 1, new byte[20])), "not an NLMSG_ERROR");
    }
}
