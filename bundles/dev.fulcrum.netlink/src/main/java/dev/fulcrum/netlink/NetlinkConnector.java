package dev.fulcrum.netlink;

/**
 * Opens netlink sockets: the service other bundles (IPVS, VRRP) use. The implementation is a DS
 * component over JNA; tests of callers may supply their own.
 */
public interface NetlinkConnector {

    /**
     * Opens a socket of {@code protocol} in {@code namespace}. For another namespace the socket is
     * created on a dedicated thread that first joined it with setns(2); the socket stays there.
     *
     * @throws NetlinkException when the socket cannot be opened (no such namespace, EPERM, ...)
     */
    Connection open(NetlinkProtocol protocol, Namespace namespace) throws NetlinkException;

    default Connection open(NetlinkProtocol protocol) throws NetlinkException {
        return open(protocol, Namespace.current());
    }
}
