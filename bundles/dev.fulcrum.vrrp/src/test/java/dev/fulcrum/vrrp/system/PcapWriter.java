package dev.fulcrum.vrrp.system;

import dev.fulcrum.vrrp.packet.Checksums;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic pcap file (tcpdump/libpcap format: 24-byte global header, 16-byte record headers) of
 * raw IP packets, LINKTYPE_RAW (101), so that tshark dissects VRRP messages we encoded.
 */
final class PcapWriter {

    private static final int LINKTYPE_RAW = 101;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int seconds;

    PcapWriter() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(LINKTYPE_RAW);
        out.writeBytes(header.array());
    }

    /** Wraps the VRRP message in an IPv4 or IPv6 header built from the envelope. */
    void add(IpEnvelope envelope, byte[] vrrp) {
        byte[] packet = envelope.isIpv4() ? ipv4(envelope, vrrp) : ipv6(envelope, vrrp);
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(++seconds).putInt(0).putInt(packet.length).putInt(packet.length);
        out.writeBytes(record.array());
        out.writeBytes(packet);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static byte[] ipv4(IpEnvelope envelope, byte[] vrrp) {
        ByteBuffer ip = ByteBuffer.allocate(20 + vrrp.length);
        ip.put((byte) 0x45).put((byte) 0xc0).putShort((short) (20 + vrrp.length)).putShort((short) 0)
                .putShort((short) 0).put((byte) envelope.ttl()).put((byte) Checksums.PROTOCOL_VRRP).putShort((short) 0)
                .put(envelope.source().getAddress()).put(envelope.destination().getAddress());
        byte[] header = ip.array();
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (header[i] & 0xff) << 8 | header[i + 1] & 0xff;
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
        ip.putShort(10, (short) sum).position(20).put(vrrp);
        return ip.array();
    }

    private static byte[] ipv6(IpEnvelope envelope, byte[] vrrp) {
        return ByteBuffer.allocate(40 + vrrp.length).putInt(0x6000_0000).putShort((short) vrrp.length)
                .put((byte) Checksums.PROTOCOL_VRRP).put((byte) envelope.ttl()).put(envelope.source().getAddress())
                .put(envelope.destination().getAddress()).put(vrrp).array();
    }
}
