package dev.fulcrum.netlink;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A readable rendering of netlink bytes for logs, without an nlmon interface: each header's fields
 * and flag names, then the family header as hex and the attribute tree (types, lengths, values as
 * hex; nested attributes indented) when the payload parses as attributes. Never throws: bytes that
 * do not decode are shown as such.
 */
public final class NetlinkDump {

    private static final String[] FLAG_NAMES = {"REQUEST", "MULTI", "ACK", "ECHO", "DUMP_INTR", "DUMP_FILTERED"};

    private NetlinkDump() {
    }

    /** Every message of a datagram, attributes assumed to start right after the nlmsghdr. */
    public static String toString(byte[] datagram) {
        return toString(datagram, 0);
    }

    /**
     * @param familyHeaderLength the fixed header before the attributes: 16 for struct ifinfomsg,
     *                           8 for struct ifaddrmsg, 4 for genlmsghdr
     */
    public static String toString(byte[] datagram, int familyHeaderLength) {
        StringBuilder out = new StringBuilder();
        List<NetlinkMessage> messages;
        try {
            messages = MessageCodec.decode(datagram);
        } catch (MalformedMessageException e) {
            return "malformed datagram of " + datagram.length + " bytes (" + e.getMessage() + "): "
                    + HexFormat.of().formatHex(datagram);
        }
        for (NetlinkMessage message : messages) {
            out.append("nlmsghdr type=").append(typeName(message.type())).append(" flags=").append(flagNames(message.flags()))
                    .append(" seq=").append(Integer.toUnsignedString(message.sequence()))
                    .append(" pid=").append(Integer.toUnsignedString(message.portId()))
                    .append(" payload=").append(message.payload().length).append('\n');
            appendPayload(out, message, familyHeaderLength);
        }
        return out.toString();
    }

    private static void appendPayload(StringBuilder out, NetlinkMessage message, int familyHeaderLength) {
        byte[] payload = message.payload();
        if (message.type() == MessageType.ERROR) {
            try {
                ErrorMessage error = ErrorMessage.decode(message);
                out.append("  ").append(error.isAck() ? "ACK" : Errno.nameOf(error.errno()) + " (" + Errno.describe(error.errno()) + ")")
                        .append(" for seq=").append(Integer.toUnsignedString(error.requestSequence()))
                        .append(error.extendedMessage().map(m -> " msg=\"" + m + "\"").orElse("")).append('\n');
                return;
            } catch (MalformedMessageException e) {
                out.append("  malformed NLMSG_ERROR: ").append(e.getMessage()).append('\n');
                return;
            }
        }
        int header = Math.min(familyHeaderLength, payload.length);
        if (header > 0) {
            out.append("  header ").append(HexFormat.of().formatHex(payload, 0, header)).append('\n');
        }
        try {
            appendAttributes(out, Attributes.decode(payload, header), "  ");
        } catch (MalformedMessageException e) {
            out.append("  raw ").append(HexFormat.of().formatHex(payload, header, payload.length)).append('\n');
        }
    }

    private static void appendAttributes(StringBuilder out, Attributes attributes, String indent) {
        for (Attribute attribute : attributes.list()) {
            byte[] value = attribute.value();
            out.append(indent).append("attr ").append(attribute.type()).append(" len=").append(value.length);
            if (attribute.netByteOrder()) {
                out.append(" net-byteorder");
            }
            List<String> nested = new ArrayList<>();
            if (attribute.nested()) {
                try {
                    StringBuilder inner = new StringBuilder();
                    appendAttributes(inner, attribute.nestedAttributes(), indent + "  ");
                    nested.add(inner.toString());
                } catch (MalformedMessageException e) {
                    nested.clear();
                }
            }
            if (nested.isEmpty()) {
                out.append(' ').append(HexFormat.of().formatHex(value)).append('\n');
            } else {
                out.append(" nested\n").append(nested.get(0));
            }
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case MessageType.NOOP -> "NOOP";
            case MessageType.ERROR -> "ERROR";
            case MessageType.DONE -> "DONE";
            case MessageType.OVERRUN -> "OVERRUN";
            default -> Integer.toString(type);
        };
    }

    /** The flag bits with their names; bits 8-11 mean different things per request kind, so they are shown as hex. */
    private static String flagNames(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(FLAG_NAMES[bit]);
            }
        }
        int rest = flags & ~((1 << FLAG_NAMES.length) - 1);
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }
}
