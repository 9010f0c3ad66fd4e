package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A listening address of a frontend (configuration.txt 4.2 "bind", 11 "Address formats").
 *
 * @param address   the IP literal or host name to listen on; {@code 0.0.0.0} or {@code ::} for any
 * @param portRange the ports
 * @param ssl       TLS termination, when the line says {@code ssl}
 */
public record Bind(String address, PortRange portRange, Optional<TlsSettings> ssl) {

    public Bind {
        Checks.name("bind address", address);
        Objects.requireNonNull(portRange, "portRange");
        Objects.requireNonNull(ssl, "ssl");
    }
}
