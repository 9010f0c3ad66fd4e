package dev.fulcrum.ipvs;

import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;

/**
 * The kernel refused an IPVS request: the errno as a {@link Kind} that says what it means for IPVS
 * (net/netfilter/ipvs/ip_vs_ctl.c answers EEXIST for a duplicate, ESRCH for an unknown service,
 * ENOENT for an unknown destination or scheduler), with the original netlink error as the cause.
 */
public final class IpvsErrorException extends NetlinkException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final int errno;

    public IpvsErrorException(String operation, NetlinkErrorException cause) {
        super(operation + " failed: " + Kind.of(cause.errno()).meaning + " (" + cause.errnoName() + ")"
                + cause.extendedMessage().map(m -> ": " + m).orElse(""), cause);
        this.kind = Kind.of(cause.errno());
        this.errno = cause.errno();
    }

    public Kind kind() {
        return kind;
    }

    public int errno() {
        return errno;
    }

    /** What an errno means to IPVS. */
    public enum Kind {
        /** EEXIST: the service or destination is there already. */
        ALREADY_EXISTS(Errno.EEXIST, "already exists"),
        /** ESRCH: no such service. */
        NO_SUCH_SERVICE(Errno.ESRCH, "no such service"),
        /** ENOENT: no such destination, or the scheduler / persistence engine module is missing. */
        NOT_FOUND(Errno.ENOENT, "no such destination, scheduler or persistence engine"),
        /** ENOMEM: the kernel is out of memory. */
        NO_MEMORY(Errno.ENOMEM, "out of kernel memory"),
        /** EINVAL: the kernel rejected a value (a bad flag, netmask, weight or missing attribute). */
        INVALID(Errno.EINVAL, "invalid argument"),
        /** EPERM: CAP_NET_ADMIN is needed. */
        NOT_PERMITTED(Errno.EPERM, "not permitted (CAP_NET_ADMIN needed)"),
        /** EBUSY: e.g. a sync daemon of that role runs already. */
        BUSY(Errno.EBUSY, "busy"),
        /** Any other errno. */
        OTHER(null, "kernel error");

        private final Errno errno;
        private final String meaning;

        Kind(Errno errno, String meaning) {
            this.errno = errno;
            this.meaning = meaning;
        }

        public static Kind of(int errnoNumber) {
            for (Kind kind : values()) {
                if (kind.errno != null && kind.errno.number() == errnoNumber) {
                    return kind;
                }
            }
            return OTHER;
        }
    }
}
