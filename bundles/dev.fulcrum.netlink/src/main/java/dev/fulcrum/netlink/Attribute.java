package dev.fulcrum.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One decoded netlink attribute ({@code struct nlattr}, linux/netlink.h): its type with the
 * NLA_F_NESTED and NLA_F_NET_BYTEORDER bits split off, and its value. The typed accessors check the
 * value's length and throw {@link MalformedMessageException} instead of reading past it.
 */
public record Attribute(int type, boolean nested, boolean netByteOrder, byte[] value) {

    /** NLA_F_NESTED: the value is itself a list of attributes. */
    public static final int F_NESTED = 1 << 15;
    /** NLA_F_NET_BYTEORDER: the value is in network byte order. */
    public static final int F_NET_BYTEORDER = 1 << 14;
    /** NLA_TYPE_MASK. */
    public static final int TYPE_MASK = ~(F_NESTED | F_NET_BYTEORDER) & 0xFFFF;
    /** NLA_HDRLEN: the aligned size of struct nlattr (u16 nla_len, u16 nla_type). */
    public static final int HEADER_LENGTH = 4;

    public Attribute {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int u8() throws MalformedMessageException {
        return Byte.toUnsignedInt(exactly(1).get());
    }

    /** A u16 in host order, or in network order when NLA_F_NET_BYTEORDER is set. */
    public int u16() throws MalformedMessageException {
        return Short.toUnsignedInt(exactly(2).order(order()).getShort());
    }

    /** A u32 in host order, or in network order when NLA_F_NET_BYTEORDER is set. */
    public long u32() throws MalformedMessageException {
        return Integer.toUnsignedLong(exactly(4).order(order()).getInt());
    }

    public int s32() throws MalformedMessageException {
        return exactly(4).order(order()).getInt();
    }

    public long u64() throws MalformedMessageException {
        return exactly(8).order(order()).getLong();
    }

    /** A u16 that a family defines as big-endian even without the flag (ports in ip_vs.h, ...). */
    public int u16BigEndian() throws MalformedMessageException {
        return Short.toUnsignedInt(exactly(2).order(ByteOrder.BIG_ENDIAN).getShort());
    }

    public long u32BigEndian() throws MalformedMessageException {
        return Integer.toUnsignedLong(exactly(4).order(ByteOrder.BIG_ENDIAN).getInt());
    }

    /** An NLA_STRING / NLA_NUL_STRING: UTF-8 up to the first NUL (or the end). */
    public String string() {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    /** A 4-byte IPv4 or 16-byte IPv6 address, network byte order. */
    public InetAddress inetAddress() throws MalformedMessageException {
        if (value.length != 4 && value.length != 16) {
            throw new MalformedMessageException("attribute " + type + ": an IP address needs 4 or 16 bytes, got " + value.length);
        }
        try {
            return InetAddress.getByAddress(value);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("attribute " + type + ": " + e.getMessage());
        }
    }

    /** The attributes nested in this one's value. */
    public Attributes nestedAttributes() throws MalformedMessageException {
        return Attributes.decode(value);
    }

    private ByteOrder order() {
        return netByteOrder ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
    }

    private ByteBuffer exactly(int size) throws MalformedMessageException {
        if (value.length != size) {
            throw new MalformedMessageException("attribute " + type + ": expected " + size + " bytes, got " + value.length);
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attribute a && type == a.type && nested == a.nested
                && netByteOrder == a.netByteOrder && Arrays.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        return (type * 31 + (nested ? 2 : 0) + (netByteOrder ? 1 : 0)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Attribute[type=" + type + (nested ? ", nested" : "") + (netByteOrder ? ", net-byteorder" : "")
                + ", " + value.length + " bytes]";
    }
}
