package dev.fulcrum.netlink;

/** The control message types below NLMSG_MIN_TYPE (linux/netlink.h). */
public final class MessageType {

    /** NLMSG_NOOP: nothing. */
    public static final int NOOP = 0x1;
    /** NLMSG_ERROR: an error, or an ACK when the error code is 0. */
    public static final int ERROR = 0x2;
    /** NLMSG_DONE: end of a dump. */
    public static final int DONE = 0x3;
    /** NLMSG_OVERRUN: data lost. */
    public static final int OVERRUN = 0x4;
    /** NLMSG_MIN_TYPE: types below are reserved control messages. */
    public static final int MIN_TYPE = 0x10;

    private MessageType() {
    }
}
