package dev.fulcrum.netlink.route;

/** An RTNLGRP_LINK notification: a link appeared or changed (RTM_NEWLINK), or went away (RTM_DELLINK). */
public record LinkEvent(Kind kind, Link link) {

    public enum Kind { CHANGED, REMOVED }
}
