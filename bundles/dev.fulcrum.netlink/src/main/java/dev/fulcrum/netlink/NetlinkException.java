package dev.fulcrum.netlink;

import java.io.IOException;

/** Any failure of a netlink exchange: a kernel error, a malformed reply, a socket failure, a timeout. */
public class NetlinkException extends IOException {

    public NetlinkException(String message) {
        super(message);
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
