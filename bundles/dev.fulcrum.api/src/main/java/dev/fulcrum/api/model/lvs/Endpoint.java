package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.util.Objects;

/** An address and a port, e.g. {@code sorry_server <IPADDR> <PORT>}; port 0 = the service's port. */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        Checks.range("port", port, 0, 65535);
    }
}
