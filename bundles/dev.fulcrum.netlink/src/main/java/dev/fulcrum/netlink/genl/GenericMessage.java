package dev.fulcrum.netlink.genl;

import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkMessage;

/**
 * A generic netlink payload: {@code struct genlmsghdr} (u8 cmd, u8 version, u16 reserved;
 * GENL_HDRLEN = 4, linux/genetlink.h) followed by the command's attributes.
 */
public record GenericMessage(int command, int version, Attributes attributes) {

    /** GENL_HDRLEN. */
    public static final int HEADER_LENGTH = 4;

    /** The netlink request for {@code command} of family {@code familyId}. */
    public static NetlinkMessage request(int familyId, int command, int version, AttributeEncoder attributes) {
        return NetlinkMessage.request(familyId, 0, payload(command, version, attributes.toByteArray()));
    }

    /** genlmsghdr then the attribute bytes. */
    public static byte[] payload(int command, int version, byte[] attributes) {
        if (command < 0 || command > 0xFF || version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("genlmsghdr cmd and version are u8: " + command + ", " + version);
        }
        byte[] payload = new byte[HEADER_LENGTH + attributes.length];
        payload[0] = (byte) command;
        payload[1] = (byte) version;
        System.arraycopy(attributes, 0, payload, HEADER_LENGTH, attributes.length);
        return payload;
    }

    public static GenericMessage decode(NetlinkMessage message) throws MalformedMessageException {
        byte[] payload = message.payload();
        if (payload.length < HEADER_LENGTH) {
            throw new MalformedMessageException("generic netlink message of " + payload.length
                    + " bytes has no genlmsghdr (" + HEADER_LENGTH + " bytes)");
        }
        return new GenericMessage(Byte.toUnsignedInt(payload[0]), Byte.toUnsignedInt(payload[1]),
                Attributes.decode(payload, HEADER_LENGTH));
    }
}
