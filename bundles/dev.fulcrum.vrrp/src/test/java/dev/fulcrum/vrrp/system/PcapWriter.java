package dev.fulcrum.vrrp.system;

import dev.fulcrum.vrrp.packet.Checksums;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic pcap file (tcpdump/libpcap format: 24-byte global header, 16-byte record headers) of
 * VRRP messages we encoded, as raw IP (LINKTYPE_RAW 101, for tshark) or in Ethernet frames
 * (LINKTYPE_ETHERNET 1, for tcpreplay onto a veth).
 */
final class PcapWriter {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW = 101;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean ethernet;
    private long micros;

    PcapWriter() {
        this(false);
    }

    PcapWriter(boolean ethernet) {
        this.ethernet = ethernet;
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(ethernet ? LINKTYPE_ETHERNET : LINKTYPE_RAW);
        out.writeBytes(header.array());
    }

    /** Wraps the VRRP message in an IPv4 or IPv6 header built from the envelope, one second after the last. */
    void add(IpEnvelope envelope, byte[] vrrp) {
        add(envelope, vrrp, 1_000_000);
    }

    /** The same, {@code gapMicros} after the previous packet (tcpreplay keeps these gaps). */
    void add(IpEnvelope envelope, byte[] vrrp, long gapMicros) {
        byte[] packet = envelope.isIpv4() ? ipv4(envelope, vrrp) : ipv6(envelope, Checksums.PROTOCOL_VRRP, vrrp);
        if (ethernet) {
            packet = frame(envelope, vrrp[1] & 0xff, packet);
        }
        record(packet, gapMicros);
    }

    /** Another upper-layer message ({@code nextHeader}, e.g. ICMPv6 58) in an IPv6 header, as raw IP. */
    void addIpv6(IpEnvelope envelope, int nextHeader, byte[] message) {
        record(ipv6(envelope, nextHeader, message), 1_000_000);
    }

    private void record(byte[] packet, long gapMicros) {
        micros += gapMicros;
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(packet.length)
                .putInt(packet.length);
        out.writeBytes(record.array());
        out.writeBytes(packet);
    }

    /**
     * Destination: the IPv4 multicast MAC of 224.0.0.18 (RFC 1112 section 6.4) or 33:33 + the last
     * 4 bytes of ff02::12 (RFC 2464 section 7); source: the virtual router MAC 00-00-5E-00-01/02-{VRID}
     * (RFC 5798 section 7.3).
     */
    private static byte[] frame(IpEnvelope envelope, int vrid, byte[] packet) {
        byte[] group = envelope.destination().getAddress();
        ByteBuffer frame = ByteBuffer.allocate(14 + packet.length);
        if (envelope.isIpv4()) {
            frame.put(new byte[] {0x01, 0x00, 0x5e, (byte) (group[1] & 0x7f), group[2], group[3]});
        } else {
            frame.put(new byte[] {0x33, 0x33, group[12], group[13], group[14], group[15]});
        }
        frame.put(new byte[] {0x00, 0x00, 0x5e, 0x00, (byte) (envelope.isIpv4() ? 1 : 2), (byte) vrid});
        frame.putShort((short) (envelope.isIpv4() ? 0x0800 : 0x86dd)).put(packet);
        return frame.array();
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

    private static byte[] ipv6(IpEnvelope envelope, int nextHeader, byte[] payload) {
        return ByteBuffer.allocate(40 + payload.length).putInt(0x6000_0000).putShort((short) payload.length)
                .put((byte) nextHeader).put((byte) envelope.ttl()).put(envelope.source().getAddress())
                .put(envelope.destination().getAddress()).put(payload).array();
    }
}
