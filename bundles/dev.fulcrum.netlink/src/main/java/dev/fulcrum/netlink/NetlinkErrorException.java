package dev.fulcrum.netlink;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel answered a request with an NLMSG_ERROR carrying a non-zero error: the errno, its name
 * (EEXIST, ENOENT, ...) and, when the socket enabled NETLINK_EXT_ACK, the kernel's own message
 * (NLMSGERR_ATTR_MSG) and the offset of the offending attribute in the request (NLMSGERR_ATTR_OFFS).
 */
public class NetlinkErrorException extends NetlinkException {

    private final transient ErrorMessage error;

    public NetlinkErrorException(String operation, ErrorMessage error) {
        super(describe(operation, error));
        this.error = error;
    }

    /** The same kernel error, described as the higher-level operation that failed. */
    public NetlinkErrorException withOperation(String operation) {
        NetlinkErrorException renamed = new NetlinkErrorException(operation, error);
        renamed.initCause(this);
        return renamed;
    }

    /** The positive errno (17 for EEXIST). */
    public int errno() {
        return error.errno();
    }

    public String errnoName() {
        return Errno.nameOf(error.errno());
    }

    public Optional<Errno> knownErrno() {
        return Errno.of(error.errno());
    }

    public Optional<String> extendedMessage() {
        return error.extendedMessage();
    }

    public OptionalInt attributeOffset() {
        return error.attributeOffset();
    }

    private static String describe(String operation, ErrorMessage error) {
        String text = operation + " failed: " + Errno.nameOf(error.errno()) + " (" + Errno.describe(error.errno()) + ")";
        return error.extendedMessage().map(m -> text + ": " + m).orElse(text);
    }
}
