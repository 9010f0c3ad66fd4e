package dev.fulcrum.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded attribute stream (linux/netlink.h: each {@code struct nlattr} followed by its value,
 * the next one at NLA_ALIGN(nla_len)). Lookups by type ignore the NLA_F_* flag bits.
 */
public record Attributes(List<Attribute> list) {

    public Attributes {
        list = List.copyOf(list);
    }

    public static Attributes decode(byte[] bytes) throws MalformedMessageException {
        return decode(bytes, 0);
    }

    /** The attributes from {@code offset} to the end of {@code bytes} (after a family header). */
    public static Attributes decode(byte[] bytes, int offset) throws MalformedMessageException {
        if (offset < 0 || offset > bytes.length) {
            throw new MalformedMessageException("attributes start at " + offset + " beyond " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(ByteOrder.nativeOrder());
        List<Attribute> attributes = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            if (in.remaining() < Attribute.HEADER_LENGTH) {
                throw new MalformedMessageException("truncated attribute header at offset " + start + ": "
                        + in.remaining() + " bytes");
            }
            int length = Short.toUnsignedInt(in.getShort());
            int rawType = Short.toUnsignedInt(in.getShort());
            if (length < Attribute.HEADER_LENGTH || length - Attribute.HEADER_LENGTH > in.remaining()) {
                throw new MalformedMessageException("attribute type " + (rawType & Attribute.TYPE_MASK) + " at offset "
                        + start + " claims nla_len " + length + " but " + (in.remaining() + 4) + " bytes remain");
            }
            byte[] value = new byte[length - Attribute.HEADER_LENGTH];
            in.get(value);
            attributes.add(new Attribute(rawType & Attribute.TYPE_MASK, (rawType & Attribute.F_NESTED) != 0,
                    (rawType & Attribute.F_NET_BYTEORDER) != 0, value));
            in.position(Math.min(bytes.length, start + MessageCodec.align(length)));
        }
        return new Attributes(attributes);
    }

    public Optional<Attribute> first(int type) {
        return list.stream().filter(a -> a.type() == type).findFirst();
    }

    /** The attribute a reply must carry; its absence is a malformed reply. */
    public Attribute required(int type, String name) throws MalformedMessageException {
        Optional<Attribute> attribute = first(type);
        if (attribute.isEmpty()) {
            throw new MalformedMessageException("missing attribute " + name + " (" + type + ")");
        }
        return attribute.get();
    }

    public List<Attribute> all(int type) {
        return list.stream().filter(a -> a.type() == type).toList();
    }
}
