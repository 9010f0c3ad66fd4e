package dev.fulcrum.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One netlink message: the fields of {@code struct nlmsghdr} (linux/netlink.h) and the payload that
 * follows it. {@code nlmsg_len} is not stored: the codec computes it from the payload.
 *
 * @param type     nlmsg_type: a control type ({@link MessageType}) or a family's request/reply type
 * @param flags    nlmsg_flags ({@link NetlinkFlags}), 16 bits
 * @param sequence nlmsg_seq
 * @param portId   nlmsg_pid: the sender's port id (0 = the kernel) or the destination of a reply
 * @param payload  the bytes after the 16-byte header, unpadded
 */
public record NetlinkMessage(int type, int flags, int sequence, int portId, byte[] payload) {

    public NetlinkMessage {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("nlmsg_type must fit 16 bits: " + type);
        }
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("nlmsg_flags must fit 16 bits: " + flags);
        }
        payload = payload.clone();
    }

    /** A request to the kernel: sequence and port id are filled in by the connection. */
    public static NetlinkMessage request(int type, int flags, byte[] payload) {
        return new NetlinkMessage(type, flags | NetlinkFlags.REQUEST, 0, 0, payload);
    }

    public NetlinkMessage withSequence(int newSequence, int newPortId) {
        return new NetlinkMessage(type, flags, newSequence, newPortId, payload);
    }

    public NetlinkMessage withFlags(int newFlags) {
        return new NetlinkMessage(type, newFlags, sequence, portId, payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A read-only view of the payload in host byte order, as netlink structures are laid out. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetlinkMessage m && type == m.type && flags == m.flags
                && sequence == m.sequence && portId == m.portId && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return ((type * 31 + flags) * 31 + sequence) * 31 + portId + 17 * Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "NetlinkMessage[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", seq=" + sequence
                + ", pid=" + portId + ", payload=" + payload.length + " bytes]";
    }
}
