package dev.fulcrum.health;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What is checked.
 *
 * @param name    how logs name it: "backend/server" for the proxy, "[10.0.0.2]:tcp:80" for LVS
 * @param address where the probe connects (keepalived {@code connect_ip}/{@code connect_port} already applied)
 */
public record CheckTarget(String name, InetSocketAddress address) {

    public CheckTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a check target needs a name");
        }
    }
}
