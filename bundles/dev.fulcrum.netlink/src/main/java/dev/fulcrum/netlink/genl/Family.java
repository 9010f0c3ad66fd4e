package dev.fulcrum.netlink.genl;

import java.util.List;
import java.util.Optional;

/**
 * A generic netlink family as the controller describes it (linux/genetlink.h CTRL_ATTR_*).
 *
 * @param name         CTRL_ATTR_FAMILY_NAME
 * @param id           CTRL_ATTR_FAMILY_ID: the nlmsg_type of the family's messages
 * @param version      CTRL_ATTR_VERSION
 * @param headerSize   CTRL_ATTR_HDRSIZE: the family's own header after genlmsghdr
 * @param maxAttribute CTRL_ATTR_MAXATTR
 * @param groups       CTRL_ATTR_MCAST_GROUPS
 */
public record Family(String name, int id, int version, int headerSize, int maxAttribute, List<MulticastGroup> groups) {

    public Family {
        groups = List.copyOf(groups);
    }

    public Optional<MulticastGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }
}
