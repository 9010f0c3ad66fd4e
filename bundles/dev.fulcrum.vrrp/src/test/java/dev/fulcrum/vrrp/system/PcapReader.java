package dev.fulcrum.vrrp.system;

import dev.fulcrum.vrrp.packet.Checksums;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The VRRP packets of a classic pcap file that tcpdump wrote on an Ethernet interface (the
 * raw-socket view: IP header fields and payload). A record cut short by a running capture is left out.
 */
final class PcapReader {

    /** One captured VRRP packet. */
    record Captured(Instant at, IpEnvelope envelope, byte[] payload) {
    }

    private PcapReader() {
    }

    static List<Captured> vrrpPackets(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Captured> packets = new ArrayList<>();
        if (in.remaining() < 24 || in.getInt(0) != 0xa1b2c3d4 || in.getInt(20) != 1) {
            return packets; // not (yet) a little-endian microsecond pcap of Ethernet frames
        }
        in.position(24);
        while (in.remaining() >= 16) {
            Instant at = Instant.ofEpochSecond(in.getInt() & 0xffffffffL, (in.getInt() & 0xffffffffL) * 1000);
            int length = in.getInt();
            in.getInt();
            if (in.remaining() < length) {
                break;
            }
            byte[] frame = new byte[length];
            in.get(frame);
            Captured packet = vrrp(at, frame);
            if (packet != null) {
                packets.add(packet);
            }
        }
        return packets;
    }

    private static Captured vrrp(Instant at, byte[] frame) throws IOException {
        ByteBuffer ip = ByteBuffer.wrap(frame, 14, frame.length - 14).slice();
        int etherType = (frame[12] & 0xff) << 8 | frame[13] & 0xff;
        if (etherType == 0x0800 && (ip.get(9) & 0xff) == Checksums.PROTOCOL_VRRP) {
            int headerLength = (ip.get(0) & 0x0f) * 4;
            int total = ip.getShort(2) & 0xffff;
            return new Captured(at, new IpEnvelope(address(frame, 14 + 12, 4), address(frame, 14 + 16, 4),
                    ip.get(8) & 0xff), Arrays.copyOfRange(frame, 14 + headerLength, 14 + total));
        }
        if (etherType == 0x86dd && (ip.get(6) & 0xff) == Checksums.PROTOCOL_VRRP) {
            int payloadLength = ip.getShort(4) & 0xffff;
            return new Captured(at, new IpEnvelope(address(frame, 14 + 8, 16), address(frame, 14 + 24, 16),
                    ip.get(7) & 0xff), Arrays.copyOfRange(frame, 14 + 40, 14 + 40 + payloadLength));
        }
        return null;
    }

    private static InetAddress address(byte[] frame, int from, int length) throws IOException {
        return InetAddress.getByAddress(Arrays.copyOfRange(frame, from, from + length));
    }
}
