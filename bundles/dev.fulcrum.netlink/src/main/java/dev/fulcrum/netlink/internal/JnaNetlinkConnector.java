package dev.fulcrum.netlink.internal;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link NetlinkConnector} service: real AF_NETLINK sockets through JNA. libc is loaded once
 * per component instance (JNA extracts its native stub under jna.tmpdir, see STACK.md).
 *
 * <p>Immediate, so that libc is bound while the appliance starts: a native stub that cannot load
 * shows in the boot log rather than at the first VRRP transition, and loading JNA's classes
 * activates its lazily-activated bundle (Bundle-ActivationPolicy: lazy), which the launcher's
 * "all bundles active" report expects.
 */
@Component(service = NetlinkConnector.class, immediate = true)
public final class JnaNetlinkConnector implements NetlinkConnector {

    /** How long a request waits for the kernel: it answers in microseconds unless something is wrong. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final NamespaceSockets sockets;

    public JnaNetlinkConnector() {
        this.sockets = new NamespaceSockets(LibC.load());
    }

    @Override
    public Connection open(NetlinkProtocol protocol, Namespace namespace) throws NetlinkException {
        NetlinkSocket socket = sockets.open(protocol.number(), namespace);
        // A random first sequence number keeps a late reply to a previous socket with the same
        // port id from matching a fresh request.
        return new NetlinkConnection(socket, InstantSource.system(), REPLY_TIMEOUT,
                ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE / 2));
    }
}
