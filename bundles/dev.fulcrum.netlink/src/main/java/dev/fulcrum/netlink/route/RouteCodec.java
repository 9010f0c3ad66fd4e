package dev.fulcrum.netlink.route;

import dev.fulcrum.netlink.Attribute;
import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Optional;

/**
 * rtnetlink requests and replies as bytes (pure). Layouts from linux/rtnetlink.h
 * ({@code struct ifinfomsg}: u8 family, u8 pad, u16 type, s32 index, u32 flags, u32 change),
 * linux/if_addr.h ({@code struct ifaddrmsg}: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index)
 * and linux/if_link.h (IFLA_*).
 */
public final class RouteCodec {

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    /** enum rtnetlink_groups: RTNLGRP_LINK. */
    public static final int RTNLGRP_LINK = 1;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IFINFOMSG_LENGTH = 16;
    static final int IFADDRMSG_LENGTH = 8;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_INFO_KIND = 1;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_FLAGS = 8;

    private RouteCodec() {
    }

    /** RTM_GETLINK dump of every link. */
    public static NetlinkMessage dumpLinks() {
        return NetlinkMessage.request(RTM_GETLINK, 0, ifinfomsg(0, 0, 0));
    }

    /** RTM_GETLINK of one link by IFLA_IFNAME. */
    public static NetlinkMessage getLink(String name) {
        return NetlinkMessage.request(RTM_GETLINK, 0,
                concat(ifinfomsg(0, 0, 0), new AttributeEncoder().string(IFLA_IFNAME, name).toByteArray()));
    }

    /** RTM_NEWLINK that changes only IFF_UP (ifi_change = IFF_UP), as {@code ip link set dev X up/down}. */
    public static NetlinkMessage setLinkUp(int index, boolean up) {
        return NetlinkMessage.request(RTM_NEWLINK, 0, ifinfomsg(index, up ? Link.IFF_UP : 0, Link.IFF_UP));
    }

    /** RTM_GETADDR dump of every address of {@code family} (AF_UNSPEC = both). */
    public static NetlinkMessage dumpAddresses(int family) {
        return NetlinkMessage.request(RTM_GETADDR, 0, ByteBuffer.allocate(IFADDRMSG_LENGTH).put(0, (byte) family).array());
    }

    /** RTM_NEWADDR with NLM_F_CREATE | NLM_F_EXCL: adding an existing address fails with EEXIST. */
    public static NetlinkMessage addAddress(Address address) {
        return NetlinkMessage.request(RTM_NEWADDR, NetlinkFlags.CREATE | NetlinkFlags.EXCL, addressPayload(address));
    }

    public static NetlinkMessage deleteAddress(Address address) {
        return NetlinkMessage.request(RTM_DELADDR, 0, addressPayload(address));
    }

    /** ifaddrmsg, IFA_LOCAL and IFA_ADDRESS (both the address, as ip(8) sends for a non-peer address), IFA_LABEL, IFA_FLAGS. */
    static byte[] addressPayload(Address address) {
        ByteBuffer header = ByteBuffer.allocate(IFADDRMSG_LENGTH).order(ByteOrder.nativeOrder())
                .put((byte) (address.isIpv4() ? AF_INET : AF_INET6))
                .put((byte) address.prefixLength())
                .put((byte) (address.flags() & 0xFF))
                .put((byte) address.scope().number())
                .putInt(address.linkIndex());
        AttributeEncoder attributes = new AttributeEncoder()
                .address(IFA_LOCAL, address.address())
                .address(IFA_ADDRESS, address.address());
        address.label().ifPresent(label -> attributes.string(IFA_LABEL, label));
        if (address.flags() != 0) {
            attributes.u32(IFA_FLAGS, address.flags());
        }
        return concat(header.array(), attributes.toByteArray());
    }

    /** An RTM_NEWLINK or RTM_DELLINK. */
    public static Link decodeLink(NetlinkMessage message) throws MalformedMessageException {
        byte[] payload = fixedHeader(message, IFINFOMSG_LENGTH, "ifinfomsg", RTM_NEWLINK, RTM_DELLINK);
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
        int type = Short.toUnsignedInt(in.getShort(2));
        int index = in.getInt(4);
        int flags = in.getInt(8);
        Attributes attributes = Attributes.decode(payload, IFINFOMSG_LENGTH);
        Optional<String> kind = Optional.empty();
        Optional<Attribute> linkInfo = attributes.first(IFLA_LINKINFO);
        if (linkInfo.isPresent()) {
            kind = linkInfo.get().nestedAttributes().first(IFLA_INFO_KIND).map(Attribute::string);
        }
        Optional<Attribute> mtu = attributes.first(IFLA_MTU);
        Optional<Attribute> operState = attributes.first(IFLA_OPERSTATE);
        return new Link(index,
                attributes.required(IFLA_IFNAME, "IFLA_IFNAME").string(),
                type,
                flags,
                mtu.isPresent() ? (int) mtu.get().u32() : 0,
                attributes.first(IFLA_ADDRESS).map(a -> HexFormat.ofDelimiter(":").formatHex(a.value())).orElse(""),
                operState.isPresent() ? OperState.of(operState.get().u8()) : OperState.UNKNOWN,
                kind);
    }

    /** An RTM_NEWADDR or RTM_DELADDR. */
    public static Address decodeAddress(NetlinkMessage message) throws MalformedMessageException {
        byte[] payload = fixedHeader(message, IFADDRMSG_LENGTH, "ifaddrmsg", RTM_NEWADDR, RTM_DELADDR);
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
        int family = Byte.toUnsignedInt(in.get(0));
        int prefixLength = Byte.toUnsignedInt(in.get(1));
        int headerFlags = Byte.toUnsignedInt(in.get(2));
        int scope = Byte.toUnsignedInt(in.get(3));
        int index = in.getInt(4);
        if (family != AF_INET && family != AF_INET6) {
            throw new MalformedMessageException("ifaddrmsg of unknown family " + family);
        }
        Attributes attributes = Attributes.decode(payload, IFADDRMSG_LENGTH);
        // IFA_LOCAL is the interface's own address; IPv6 (and a point-to-point peer's absence) gives only IFA_ADDRESS.
        Optional<Attribute> ifaLocal = attributes.first(IFA_LOCAL);
        Attribute local = ifaLocal.isPresent() ? ifaLocal.get() : attributes.required(IFA_ADDRESS, "IFA_ADDRESS");
        InetAddress address = local.inetAddress();
        if ((address instanceof Inet4Address) != (family == AF_INET)) {
            throw new MalformedMessageException("ifaddrmsg family " + family + " with a " + local.value().length + "-byte address");
        }
        Optional<Attribute> flags = attributes.first(IFA_FLAGS);
        Optional<String> label = family == AF_INET ? attributes.first(IFA_LABEL).map(Attribute::string) : Optional.empty();
        try {
            return new Address(index, address, prefixLength, new AddressScope(scope),
                    label.filter(l -> !l.isEmpty()), flags.isPresent() ? (int) flags.get().u32() : headerFlags);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("RTM_NEWADDR: " + e.getMessage());
        }
    }

    private static byte[] fixedHeader(NetlinkMessage message, int length, String name, int... types)
            throws MalformedMessageException {
        if (message.type() != types[0] && message.type() != types[1]) {
            throw new MalformedMessageException("expected message type " + types[0] + " or " + types[1] + ", got " + message.type());
        }
        byte[] payload = message.payload();
        if (payload.length < length) {
            throw new MalformedMessageException(name + " needs " + length + " bytes, message has " + payload.length);
        }
        return payload;
    }

    private static byte[] ifinfomsg(int index, int flags, int change) {
        return ByteBuffer.allocate(IFINFOMSG_LENGTH).order(ByteOrder.nativeOrder())
                .put((byte) AF_UNSPEC).put((byte) 0).putShort((short) 0)
                .putInt(index).putInt(flags).putInt(change).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
