package dev.fulcrum.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to and from netlink messages, following linux/netlink.h: a 16-byte {@code struct nlmsghdr}
 * (u32 nlmsg_len, u16 nlmsg_type, u16 nlmsg_flags, u32 nlmsg_seq, u32 nlmsg_pid) in host byte
 * order, then the payload; each message starts at a multiple of NLMSG_ALIGNTO (4) bytes.
 * Pure: no I/O, no state.
 */
public final class MessageCodec {

    /** NLMSG_HDRLEN: NLMSG_ALIGN(sizeof(struct nlmsghdr)). */
    public static final int HEADER_LENGTH = 16;
    /** NLMSG_ALIGNTO. */
    public static final int ALIGNMENT = 4;

    private MessageCodec() {
    }

    /** NLMSG_ALIGN(length): rounds up to the next multiple of 4. */
    public static int align(int length) {
        return (length + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    }

    /** One message, padded to the alignment; nlmsg_len counts the header and the unpadded payload. */
    public static byte[] encode(NetlinkMessage message) {
        return encodeAll(List.of(message));
    }

    /** Several messages back to back, as the kernel sends them in one datagram. */
    public static byte[] encodeAll(List<NetlinkMessage> messages) {
        int total = messages.stream().mapToInt(m -> align(HEADER_LENGTH + m.payload().length)).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        for (NetlinkMessage message : messages) {
            byte[] payload = message.payload();
            int start = out.position();
            out.putInt(HEADER_LENGTH + payload.length)
                    .putShort((short) message.type())
                    .putShort((short) message.flags())
                    .putInt(message.sequence())
                    .putInt(message.portId())
                    .put(payload);
            out.position(start + align(HEADER_LENGTH + payload.length));
        }
        return out.array();
    }

    /** Every message in a datagram; the last one may omit its trailing padding. */
    public static List<NetlinkMessage> decode(byte[] datagram) throws MalformedMessageException {
        return decode(datagram, datagram.length);
    }

    /** Every message in the first {@code length} bytes of {@code buffer}. */
    public static List<NetlinkMessage> decode(byte[] buffer, int length) throws MalformedMessageException {
        if (length < 0 || length > buffer.length) {
            throw new MalformedMessageException("datagram length " + length + " outside a buffer of " + buffer.length);
        }
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        while (in.hasRemaining()) {
            int offset = in.position();
            if (in.remaining() < HEADER_LENGTH) {
                throw new MalformedMessageException("truncated netlink header at offset " + offset + ": "
                        + in.remaining() + " of " + HEADER_LENGTH + " bytes");
            }
            long messageLength = Integer.toUnsignedLong(in.getInt());
            if (messageLength < HEADER_LENGTH || messageLength > in.remaining() + 4L) {
                throw new MalformedMessageException("netlink message at offset " + offset + " claims nlmsg_len "
                        + messageLength + " but " + (in.remaining() + 4) + " bytes remain");
            }
            int type = Short.toUnsignedInt(in.getShort());
            int flags = Short.toUnsignedInt(in.getShort());
            int sequence = in.getInt();
            int portId = in.getInt();
            byte[] payload = new byte[(int) messageLength - HEADER_LENGTH];
            in.get(payload);
            messages.add(new NetlinkMessage(type, flags, sequence, portId, payload));
            in.position(Math.min(length, offset + align((int) messageLength)));
        }
        return messages;
    }
}
