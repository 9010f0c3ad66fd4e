package dev.fulcrum.netlink.genl;

/** A family's multicast group (CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_ID). */
public record MulticastGroup(String name, int id) {
}
