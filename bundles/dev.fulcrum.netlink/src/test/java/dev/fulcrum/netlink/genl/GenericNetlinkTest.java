package dev.fulcrum.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.Hex;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.ScriptedConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes from linux/genetlink.h: genlmsghdr, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_*. */
class GenericNetlinkTest {

    /** CTRL_CMD_NEWFAMILY for nlctrl as a 6.x kernel sends it (the controller nests without NLA_F_NESTED). */
    static final NetlinkMessage NLCTRL_REPLY = new NetlinkMessage(0x10, 0, 1, 1, Hex.bytes("""
            01020000
            0600 0100 1000 0000
            0b00 0200 6e6c6374726c00 00
            0800 0300 02000000
            0800 0400 00000000
            0800 0500 0a000000
            1c00 0700 1800 0100 0b00 0100 6e6f7469667900 00 0800 0200 10000000
            """));

    @Test
    void getFamilyRequestBytes() {
        Hex.assertHex("20000000 1000 0100 00000000 00000000" + "03010000" + "0b00 0200 6e6c6374726c00 00",
                MessageCodec.encode(GenericNetlink.resolveRequest("nlctrl")));
    }

    @Test
    void decodesIdVersionAndMulticastGroups() throws Exception {
        Family family = GenericNetlink.decodeFamily(NLCTRL_REPLY);
        assertEquals(new Family("nlctrl", 0x10, 2, 0, 10, List.of(new MulticastGroup("notify", 0x10))), family);
        assertEquals(0x10, family.group("notify").orElseThrow().id());
        assertTrue(family.group("other").isEmpty());
    }

    @Test
    void resolveReturnsTheControllersAnswer() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().thenReply(NLCTRL_REPLY);
        assertEquals("nlctrl", new GenericNetlink(connection).resolve("nlctrl").name());
        assertEquals(GenericNetlink.resolveRequest("nlctrl"), connection.requests.get(0));
    }

    @Test
    void enoentMeansFamilyNotFound() {
        ScriptedConnection connection = new ScriptedConnection().thenFail(ScriptedConnection.kernelError(2));
        FamilyNotFoundException error = assertThrows(FamilyNotFoundException.class,
                () -> new GenericNetlink(connection).resolve("IPVS"));
        assertEquals("IPVS", error.family());
    }

    @Test
    void otherErrorsKeepTheirErrnoAndNameTheOperation() {
        ScriptedConnection connection = new ScriptedConnection().thenFail(ScriptedConnection.kernelError(1));
        NetlinkErrorException error = assertThrows(NetlinkErrorException.class,
                () -> new GenericNetlink(connection).resolve("IPVS"));
        assertEquals("EPERM", error.errnoName());
        assertEquals("resolving generic netlink family \"IPVS\" failed: EPERM (Operation not permitted)", error.getMessage());
    }

    @Test
    void anAckWithoutAnswerIsMalformed() {
        ScriptedConnection connection = new ScriptedConnection().thenReply();
        assertThrows(MalformedMessageException.class, () -> new GenericNetlink(connection).resolve("nlctrl"));
    }

    @Test
    void badFamilyNamesAreRejectedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> GenericNetlink.resolveRequest(""));
        assertThrows(IllegalArgumentException.class, () -> GenericNetlink.resolveRequest("sixteen-bytes-xx"));
        assertThrows(IllegalArgumentException.class, () -> GenericNetlink.resolveRequest("a\0b"));
    }

    @Test
    void repliesMissingRequiredAttributesOrHeaderAreMalformed() {
        assertThrows(MalformedMessageException.class, () -> GenericNetlink.decodeFamily(
                new NetlinkMessage(0x10, 0, 1, 1, Hex.bytes("01020000 0800 0300 02000000"))), "no id or name");
        assertThrows(MalformedMessageException.class, () -> GenericMessage.decode(
                new NetlinkMessage(0x10, 0, 1, 1, Hex.bytes("0102"))), "no genlmsghdr");
        assertThrows(MalformedMessageException.class, () -> GenericNetlink.decodeFamily(
                new NetlinkMessage(0x11, 0, 1, 1, NLCTRL_REPLY.payload())), "not a controller message");
    }

    @Test
    void genlmsghdrFieldsAreBytes() {
        assertThrows(IllegalArgumentException.class, () -> GenericMessage.payload(256, 1, new byte[0]));
    }
}
