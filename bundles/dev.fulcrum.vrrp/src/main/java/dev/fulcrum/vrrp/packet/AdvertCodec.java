package dev.fulcrum.vrrp.packet;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes of a VRRP message (the IP payload) to and from {@link Advertisement}. Layouts:
 * <pre>
 * v2 (RFC 3768 section 5.1): Version|Type, VRID, Priority, Count IP Addrs, Auth Type, Adver Int, Checksum,
 *                            IPv4 addresses, 8 bytes Authentication Data
 * v3 (RFC 5798 section 5.1): Version|Type, VRID, Priority, Count IPvX Addr, Rsvd(4 bits)|Max Adver Int(12 bits),
 *                            Checksum, IPvX addresses
 * </pre>
 * Decoding never throws: anything malformed becomes a {@link Drop}. The instance-specific checks
 * (TTL, VRID, authentication, interval, source) are {@link ReceiveValidator}'s.
 */
public final class AdvertCodec {

    /** RFC 5798 section 5.2.2: the only type. */
    public static final int TYPE_ADVERTISEMENT = 1;
    public static final int HEADER_LENGTH = 8;

    private final boolean v3ChecksumAsV2;

    /** @param v3ChecksumAsV2 keepalived.conf(5) {@code v3_checksum_as_v2}: see {@link Checksums} */
    public AdvertCodec(boolean v3ChecksumAsV2) {
        this.v3ChecksumAsV2 = v3ChecksumAsV2;
    }

    /** The message with its checksum computed for the given IP source and destination. */
    public byte[] encode(Advertisement advert, IpEnvelope envelope) {
        if (advert.version() == 2 && !envelope.isIpv4()) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768): cannot send it over IPv6");
        }
        int addressLength = addressLength(advert.version(), envelope.isIpv4());
        for (InetAddress address : advert.addresses()) {
            if (address.getAddress().length != addressLength) {
                throw new IllegalArgumentException("address " + address.getHostAddress()
                        + " is not of the envelope's family");
            }
        }
        ByteBuffer out = ByteBuffer.allocate(expectedLength(advert.version(), addressLength,
                advert.addresses().size()));
        out.put((byte) (advert.version() << 4 | TYPE_ADVERTISEMENT));
        out.put((byte) advert.virtualRouterId());
        out.put((byte) advert.priority());
        out.put((byte) advert.addresses().size());
        if (advert.version() == 2) {
            out.put((byte) advert.authentication().orElseThrow().type());
            out.put((byte) advert.advertInterval());
        } else {
            out.putShort((short) advert.advertInterval()); // the 4 reserved bits stay zero
        }
        out.putShort((short) 0);
        advert.addresses().forEach(address -> out.put(address.getAddress()));
        advert.authentication().ifPresent(auth -> out.put(auth.data()));
        byte[] message = out.array();
        int checksum = Checksums.compute(advert.version(), envelope, message, v3ChecksumAsV2);
        message[Checksums.OFFSET] = (byte) (checksum >> 8);
        message[Checksums.OFFSET + 1] = (byte) checksum;
        return message;
    }

    /** Structural checks (version, type, length, address count, checksum), then the fields. */
    public ReceiveResult decode(IpEnvelope envelope, byte[] message) {
        if (message.length < HEADER_LENGTH) {
            return new Drop(DropReason.LENGTH, message.length + " bytes, shorter than the " + HEADER_LENGTH
                    + "-byte VRRP header");
        }
        int version = (message[0] & 0xff) >>> 4;
        int type = message[0] & 0x0f;
        if (version != 2 && version != 3) {
            return new Drop(DropReason.VERSION, "version " + version + " is neither 2 nor 3");
        }
        if (version == 2 && !envelope.isIpv4()) {
            return new Drop(DropReason.VERSION, "VRRPv2 over IPv6 (RFC 3768 is IPv4 only)");
        }
        if (type != TYPE_ADVERTISEMENT) {
            return new Drop(DropReason.TYPE, "type " + type + " is not 1 (ADVERTISEMENT)");
        }
        int count = message[3] & 0xff;
        if (count == 0) {
            return new Drop(DropReason.ADDRESS_COUNT, "Count IPvX Addr is 0, the minimum is 1");
        }
        int addressLength = addressLength(version, envelope.isIpv4());
        int expected = expectedLength(version, addressLength, count);
        if (message.length != expected) {
            return new Drop(DropReason.LENGTH, message.length + " bytes, but VRRPv" + version + " with " + count
                    + " address(es) is " + expected);
        }
        int checksum = (message[Checksums.OFFSET] & 0xff) << 8 | message[Checksums.OFFSET + 1] & 0xff;
        int computed = Checksums.compute(version, envelope, message, v3ChecksumAsV2);
        if (checksum != computed) {
            return new Drop(DropReason.CHECKSUM, String.format("checksum 0x%04x, computed 0x%04x%s", checksum,
                    computed, version == 3 && envelope.isIpv4()
                            ? (v3ChecksumAsV2 ? " (v3_checksum_as_v2)" : " (with the IPv4 pseudo-header)")
                            : ""));
        }
        return new Accepted(envelope, fields(version, addressLength, count, message), List.of());
    }

    private static Advertisement fields(int version, int addressLength, int count, byte[] message) {
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = HEADER_LENGTH + i * addressLength;
            addresses.add(address(Arrays.copyOfRange(message, from, from + addressLength)));
        }
        int vrid = message[1] & 0xff;
        int priority = message[2] & 0xff;
        if (version == 2) {
            int authFrom = HEADER_LENGTH + count * addressLength;
            AuthData auth = new AuthData(message[4] & 0xff,
                    Arrays.copyOfRange(message, authFrom, authFrom + AuthData.LENGTH));
            return Advertisement.v2(vrid, priority, message[5] & 0xff, addresses, auth);
        }
        // RFC 5798 section 5.2.6: the reserved bits are ignored on receipt.
        int interval = ((message[4] & 0x0f) << 8) | (message[5] & 0xff);
        return Advertisement.v3(vrid, priority, interval, addresses);
    }

    private static int addressLength(int version, boolean ipv4) {
        return version == 2 || ipv4 ? 4 : 16;
    }

    private static int expectedLength(int version, int addressLength, int count) {
        return HEADER_LENGTH + count * addressLength + (version == 2 ? AuthData.LENGTH : 0);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
