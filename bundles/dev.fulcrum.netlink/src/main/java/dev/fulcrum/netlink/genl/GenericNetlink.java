package dev.fulcrum.netlink.genl;

import dev.fulcrum.netlink.Attribute;
import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic netlink controller ("nlctrl", linux/genetlink.h) over a NETLINK_GENERIC connection:
 * resolves a family name to its id, version and multicast groups.
 */
public final class GenericNetlink {

    /** GENL_ID_CTRL = NLMSG_MIN_TYPE: the controller's own family id. */
    public static final int CONTROLLER_ID = 0x10;
    /** CTRL_CMD_NEWFAMILY: the controller's answer. */
    static final int CMD_NEWFAMILY = 1;
    /** CTRL_CMD_GETFAMILY. */
    static final int CMD_GETFAMILY = 3;
    /** The controller's version iproute2 and libnl speak. */
    static final int CONTROLLER_VERSION = 1;
    static final int ATTR_FAMILY_ID = 1;
    static final int ATTR_FAMILY_NAME = 2;
    static final int ATTR_VERSION = 3;
    static final int ATTR_HDRSIZE = 4;
    static final int ATTR_MAXATTR = 5;
    static final int ATTR_MCAST_GROUPS = 7;
    static final int ATTR_MCAST_GRP_NAME = 1;
    static final int ATTR_MCAST_GRP_ID = 2;
    /** GENL_NAMSIZ: a family name and its NUL fit 16 bytes. */
    static final int NAME_SIZE = 16;

    private final Connection connection;

    /** {@code connection} must be a {@link dev.fulcrum.netlink.NetlinkProtocol#GENERIC} socket. */
    public GenericNetlink(Connection connection) {
        this.connection = connection;
    }

    /**
     * CTRL_CMD_GETFAMILY by CTRL_ATTR_FAMILY_NAME.
     *
     * @throws FamilyNotFoundException when the kernel has no such family
     */
    public Family resolve(String name) throws NetlinkException {
        List<NetlinkMessage> replies;
        try {
            replies = connection.execute(resolveRequest(name));
        } catch (NetlinkErrorException e) {
            if (e.errno() == Errno.ENOENT.number()) {
                throw new FamilyNotFoundException(name, e);
            }
            throw e.withOperation("resolving generic netlink family \"" + name + "\"");
        }
        if (replies.isEmpty()) {
            throw new MalformedMessageException("the controller acknowledged GETFAMILY " + name + " without an answer");
        }
        return decodeFamily(replies.get(0));
    }

    /** Every family the kernel has registered (a CTRL_CMD_GETFAMILY dump). */
    public List<Family> families() throws NetlinkException {
        List<Family> families = new ArrayList<>();
        for (NetlinkMessage reply : connection.dump(GenericMessage.request(CONTROLLER_ID, CMD_GETFAMILY,
                CONTROLLER_VERSION, new AttributeEncoder()))) {
            families.add(decodeFamily(reply));
        }
        return families;
    }

    static NetlinkMessage resolveRequest(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length >= NAME_SIZE
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a generic netlink family name (1 to " + (NAME_SIZE - 1)
                    + " bytes): \"" + name + "\"");
        }
        return GenericMessage.request(CONTROLLER_ID, CMD_GETFAMILY, CONTROLLER_VERSION,
                new AttributeEncoder().string(ATTR_FAMILY_NAME, name));
    }

    /** A CTRL_CMD_NEWFAMILY answer. */
    public static Family decodeFamily(NetlinkMessage reply) throws MalformedMessageException {
        if (reply.type() != CONTROLLER_ID) {
            throw new MalformedMessageException("expected a controller message (type " + CONTROLLER_ID + "), got type " + reply.type());
        }
        Attributes attributes = GenericMessage.decode(reply).attributes();
        List<MulticastGroup> groups = new ArrayList<>();
        if (attributes.first(ATTR_MCAST_GROUPS).isPresent()) {
            // An array: each nested entry's type is its index, its value a group's attributes.
            for (Attribute entry : attributes.required(ATTR_MCAST_GROUPS, "CTRL_ATTR_MCAST_GROUPS").nestedAttributes().list()) {
                Attributes group = entry.nestedAttributes();
                groups.add(new MulticastGroup(group.required(ATTR_MCAST_GRP_NAME, "CTRL_ATTR_MCAST_GRP_NAME").string(),
                        (int) group.required(ATTR_MCAST_GRP_ID, "CTRL_ATTR_MCAST_GRP_ID").u32()));
            }
        }
        return new Family(
                attributes.required(ATTR_FAMILY_NAME, "CTRL_ATTR_FAMILY_NAME").string(),
                attributes.required(ATTR_FAMILY_ID, "CTRL_ATTR_FAMILY_ID").u16(),
                (int) optionalU32(attributes, ATTR_VERSION),
                (int) optionalU32(attributes, ATTR_HDRSIZE),
                (int) optionalU32(attributes, ATTR_MAXATTR),
                groups);
    }

    private static long optionalU32(Attributes attributes, int type) throws MalformedMessageException {
        var attribute = attributes.first(type);
        return attribute.isPresent() ? attribute.get().u32() : 0;
    }
}
