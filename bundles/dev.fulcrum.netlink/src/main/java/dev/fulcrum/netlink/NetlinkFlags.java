package dev.fulcrum.netlink;

/** nlmsg_flags values from linux/netlink.h. Several bits mean different things per request kind. */
public final class NetlinkFlags {

    /** NLM_F_REQUEST: it is a request message. */
    public static final int REQUEST = 0x01;
    /** NLM_F_MULTI: multipart message, terminated by NLMSG_DONE. */
    public static final int MULTI = 0x02;
    /** NLM_F_ACK: reply with an ACK (an NLMSG_ERROR with error 0) or an error. */
    public static final int ACK = 0x04;
    /** NLM_F_ECHO: echo this request back. */
    public static final int ECHO = 0x08;
    /** NLM_F_DUMP_INTR: the dump was inconsistent because the table changed while it ran. */
    public static final int DUMP_INTR = 0x10;
    /** NLM_F_DUMP_FILTERED: the dump was filtered as requested. */
    public static final int DUMP_FILTERED = 0x20;

    // Modifiers to GET requests.
    /** NLM_F_ROOT: specify tree root. */
    public static final int ROOT = 0x100;
    /** NLM_F_MATCH: return all matching. */
    public static final int MATCH = 0x200;
    /** NLM_F_ATOMIC: atomic GET. */
    public static final int ATOMIC = 0x400;
    /** NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH. */
    public static final int DUMP = ROOT | MATCH;

    // Modifiers to NEW requests.
    /** NLM_F_REPLACE: override existing. */
    public static final int REPLACE = 0x100;
    /** NLM_F_EXCL: do not touch, if it exists. */
    public static final int EXCL = 0x200;
    /** NLM_F_CREATE: create, if it does not exist. */
    public static final int CREATE = 0x400;
    /** NLM_F_APPEND: add to end of list. */
    public static final int APPEND = 0x800;

    // Flags on an NLMSG_ERROR (ACK) message.
    /** NLM_F_CAPPED: the echoed request was capped to its header (NETLINK_CAP_ACK). */
    public static final int CAPPED = 0x100;
    /** NLM_F_ACK_TLVS: extended ACK attributes follow (NETLINK_EXT_ACK). */
    public static final int ACK_TLVS = 0x200;

    private NetlinkFlags() {
    }
}
