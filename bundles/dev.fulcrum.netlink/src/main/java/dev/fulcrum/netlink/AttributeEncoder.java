package dev.fulcrum.netlink;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Builds an attribute stream (linux/netlink.h {@code struct nlattr}): each attribute is a 4-byte
 * header (u16 nla_len = header + value, u16 nla_type) and its value, zero-padded to NLA_ALIGNTO (4).
 * Values are in host byte order unless a method says otherwise. The type may carry
 * {@link Attribute#F_NET_BYTEORDER}; {@link #nested} sets {@link Attribute#F_NESTED} itself.
 */
public final class AttributeEncoder {

    private static final int MAX_VALUE = 0xFFFF - Attribute.HEADER_LENGTH;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public AttributeEncoder u8(int type, int value) {
        return put(type, new byte[] {(byte) value});
    }

    public AttributeEncoder u16(int type, int value) {
        return put(type, buffer(2).putShort((short) value).array());
    }

    public AttributeEncoder u32(int type, long value) {
        return put(type, buffer(4).putInt((int) value).array());
    }

    public AttributeEncoder u64(int type, long value) {
        return put(type, buffer(8).putLong(value).array());
    }

    /** A u16 the family defines in network byte order (the NLA_F_NET_BYTEORDER bit is up to the type). */
    public AttributeEncoder u16BigEndian(int type, int value) {
        return put(type, buffer(2).order(ByteOrder.BIG_ENDIAN).putShort((short) value).array());
    }

    public AttributeEncoder u32BigEndian(int type, long value) {
        return put(type, buffer(4).order(ByteOrder.BIG_ENDIAN).putInt((int) value).array());
    }

    /** An NLA_NUL_STRING: UTF-8 and a terminating NUL. */
    public AttributeEncoder string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[text.length + 1];
        System.arraycopy(text, 0, withNul, 0, text.length);
        return put(type, withNul);
    }

    public AttributeEncoder address(int type, InetAddress address) {
        return put(type, address.getAddress());
    }

    /** An NLA_FLAG: present means true, no value. */
    public AttributeEncoder flag(int type) {
        return put(type, new byte[0]);
    }

    public AttributeEncoder bytes(int type, byte[] value) {
        return put(type, value.clone());
    }

    /** A nested attribute (NLA_F_NESTED set) whose value the consumer encodes. */
    public AttributeEncoder nested(int type, Consumer<AttributeEncoder> content) {
        AttributeEncoder inner = new AttributeEncoder();
        content.accept(inner);
        return put(type | Attribute.F_NESTED, inner.toByteArray());
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private AttributeEncoder put(int type, byte[] value) {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("nla_type must fit 16 bits: " + type);
        }
        if (value.length > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + (type & Attribute.TYPE_MASK) + " value of "
                    + value.length + " bytes exceeds nla_len's 16 bits");
        }
        int length = Attribute.HEADER_LENGTH + value.length;
        out.writeBytes(buffer(4).putShort((short) length).putShort((short) type).array());
        out.writeBytes(value);
        out.writeBytes(new byte[MessageCodec.align(length) - length]);
        return this;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
