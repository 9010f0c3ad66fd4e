package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkDumpTest {

    @Test
    void rendersHeadersFamilyHeaderAndTheAttributeTree() {
        byte[] payload = Hex.bytes("03010000" + "0b00 0200 6e6c6374726c00 00" + "1000 1280 0900 0100 7665746800 000000");
        String text = NetlinkDump.toString(MessageCodec.encode(
                new NetlinkMessage(0x10, NetlinkFlags.REQUEST | NetlinkFlags.ACK | NetlinkFlags.DUMP, 7, 9, payload)), 4);
        assertEquals("""
                nlmsghdr type=16 flags=REQUEST|ACK|0x300 seq=7 pid=9 payload=32
                  header 03010000
                  attr 2 len=7 6e6c6374726c00
                  attr 18 len=12 nested
                    attr 1 len=5 7665746800
                """, text);
    }

    @Test
    void rendersErrorsAndAcksWithTheirErrnoName() {
        byte[] datagram = MessageCodec.encodeAll(List.of(
                new NetlinkMessage(MessageType.ERROR, NetlinkFlags.CAPPED | NetlinkFlags.ACK_TLVS, 5, 100,
                        Hex.bytes("efffffff 28000000 1400 0506 05000000 64000000 0800 0100 62616400")),
                new NetlinkMessage(MessageType.ERROR, NetlinkFlags.CAPPED, 6, 100,
                        Hex.bytes("00000000 28000000 1400 0506 06000000 64000000"))));
        assertEquals("""
                nlmsghdr type=ERROR flags=0x300 seq=5 pid=100 payload=28
                  EEXIST (File exists) for seq=5 msg="bad"
                nlmsghdr type=ERROR flags=0x100 seq=6 pid=100 payload=20
                  ACK for seq=6
                """, NetlinkDump.toString(datagram));
    }

    @Test
    void malformedBytesAreShownNotThrown() {
        String text = NetlinkDump.toString(new byte[] {1, 2, 3});
        assertTrue(text.startsWith("malformed datagram of 3 bytes (truncated netlink header at offset 0"), text);
        assertTrue(NetlinkDump.toString(MessageCodec.encode(new NetlinkMessage(99, 0, 0, 0, new byte[] {1, 2}))).contains("raw 0102"));
    }
}
