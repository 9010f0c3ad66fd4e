package dev.fulcrum.ipvs;

import dev.fulcrum.netlink.Attribute;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.MessageCodec;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import dev.fulcrum.netlink.genl.GenericNetlink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The golden captures of ipvsadm talking to a 6.1 kernel (src/test/resources/captures, see its
 * README): a pcap reader for LINKTYPE_NETLINK (each record a 16-byte nlmon pseudo-header, then one
 * netlink message) and a canonical form of attribute trees that ignores attribute order.
 */
public final class Captures {

    /** pcap global header; record header (ts_sec, ts_usec, incl_len, orig_len); nlmon pseudo-header. */
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int NLMON_HEADER = 16;

    private Captures() {
    }

    /** Every netlink message of the capture, in order. */
    public static List<NetlinkMessage> messages(String file) {
        ByteBuffer in = ByteBuffer.wrap(bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        in.position(GLOBAL_HEADER);
        List<NetlinkMessage> messages = new ArrayList<>();
        try {
            while (in.remaining() >= RECORD_HEADER) {
                in.getInt();
                in.getInt();
                int length = in.getInt();
                in.getInt();
                byte[] record = new byte[length];
                in.get(record);
                byte[] netlink = new byte[length - NLMON_HEADER];
                System.arraycopy(record, NLMON_HEADER, netlink, 0, netlink.length);
                messages.addAll(MessageCodec.decode(netlink));
            }
        } catch (MalformedMessageException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        return messages;
    }

    /** ipvsadm's IPVS requests, without its GET_INFO probe and the controller's family lookup. */
    public static List<NetlinkMessage> ipvsRequests(String file) {
        return messages(file).stream()
                .filter(m -> m.type() != GenericNetlink.CONTROLLER_ID && m.type() >= 0x10 && m.hasFlag(NetlinkFlags.REQUEST))
                .filter(m -> m.payload()[0] != IpvsGenl.CMD_GET_INFO)
                .toList();
    }

    /** The kernel's IPVS messages to ipvsadm (dump parts and answers). */
    public static List<NetlinkMessage> ipvsReplies(String file) {
        return messages(file).stream()
                .filter(m -> m.type() != GenericNetlink.CONTROLLER_ID && m.type() >= 0x10 && !m.hasFlag(NetlinkFlags.REQUEST))
                .toList();
    }

    /** The single IPVS request of a one-command capture. */
    public static NetlinkMessage onlyRequest(String file) {
        List<NetlinkMessage> requests = ipvsRequests(file);
        if (requests.size() != 1) {
            throw new IllegalStateException(file + ": expected one IPVS request, found " + requests.size());
        }
        return requests.get(0);
    }

    public static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** "cmd N v1" and the sorted attribute tree: equal for the same request whatever the attribute order. */
    public static String canonical(NetlinkMessage message) throws MalformedMessageException {
        GenericMessage generic = GenericMessage.decode(message);
        return "cmd " + generic.command() + " v" + generic.version() + " " + canonical(generic.attributes());
    }

    /**
     * The canonical tree of what the kernel reads of a request (net/netfilter/ipvs/ip_vs_ctl.c):
     * ipvsadm pads its requests with attributes the kernel ignores there. ip_vs_genl_parse_service
     * reads only the key (AF, PROTOCOL, ADDR, PORT, FWMARK) unless the command creates or edits the
     * service; ip_vs_genl_parse_dest only ADDR, PORT, ADDR_FAMILY for IPVS_CMD_DEL_DEST; a TUN_TYPE,
     * TUN_PORT or TUN_FLAGS of 0 is the kernel's default; ip_vs_genl_del_daemon reads only STATE.
     */
    public static String kernelRead(NetlinkMessage message) throws MalformedMessageException {
        GenericMessage generic = GenericMessage.decode(message);
        int command = generic.command();
        boolean fullService = command == IpvsGenl.CMD_NEW_SERVICE || command == IpvsGenl.CMD_SET_SERVICE;
        TreeSet<String> sorted = new TreeSet<>();
        for (Attribute attribute : generic.attributes().list()) {
            Attributes nested = attribute.nested() ? attribute.nestedAttributes() : null;
            String value = switch (attribute.type()) {
                case IpvsGenl.CMD_ATTR_SERVICE -> canonical(fullService ? nested : only(nested, Set.of(1, 2, 3, 4, 5)));
                case IpvsGenl.CMD_ATTR_DEST -> canonical(command == IpvsGenl.CMD_DEL_DEST
                        ? only(nested, Set.of(IpvsGenl.DEST_ATTR_ADDR, IpvsGenl.DEST_ATTR_PORT, IpvsGenl.DEST_ATTR_ADDR_FAMILY))
                        : withoutZeroTunnel(nested));
                case IpvsGenl.CMD_ATTR_DAEMON -> canonical(command == IpvsGenl.CMD_DEL_DAEMON
                        ? only(nested, Set.of(IpvsGenl.DAEMON_ATTR_STATE)) : nested);
                default -> nested != null ? canonical(nested) : HexFormat.of().formatHex(attribute.value());
            };
            sorted.add(attribute.type() + "=" + value);
        }
        return "cmd " + command + " v" + generic.version() + " " + sorted;
    }

    private static Attributes only(Attributes attributes, Set<Integer> types) {
        return new Attributes(attributes.list().stream().filter(a -> types.contains(a.type())).toList());
    }

    private static Attributes withoutZeroTunnel(Attributes attributes) {
        Set<Integer> tunnel = Set.of(IpvsGenl.DEST_ATTR_TUN_TYPE, IpvsGenl.DEST_ATTR_TUN_PORT, IpvsGenl.DEST_ATTR_TUN_FLAGS);
        return new Attributes(attributes.list().stream()
                .filter(a -> !(tunnel.contains(a.type()) && allZero(a.value()))).toList());
    }

    private static boolean allZero(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public static String canonical(Attributes attributes) throws MalformedMessageException {
        TreeSet<String> sorted = new TreeSet<>();
        for (Attribute attribute : attributes.list()) {
            sorted.add(attribute.type() + "=" + (attribute.nested() ? canonical(attribute.nestedAttributes())
                    : HexFormat.of().formatHex(attribute.value())));
        }
        return sorted.toString();
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
