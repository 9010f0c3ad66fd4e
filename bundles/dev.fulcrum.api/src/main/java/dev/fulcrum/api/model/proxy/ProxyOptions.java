package dev.fulcrum.api.model.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP options a frontend and a backend share (configuration.txt 4.2); both are ignored by
 * HAProxy outside http mode, so a tcp-mode proxy never carries them here.
 *
 * @param forwardFor     {@code option forwardfor}
 * @param connectionMode {@code option http-keep-alive} (default) or {@code option http-server-close}
 */
public record ProxyOptions(Optional<ForwardFor> forwardFor, HttpConnectionMode connectionMode) {

    public static final ProxyOptions DEFAULT = new ProxyOptions(Optional.empty(), HttpConnectionMode.KEEP_ALIVE);

    public ProxyOptions {
        Objects.requireNonNull(forwardFor, "forwardFor");
        Objects.requireNonNull(connectionMode, "connectionMode");
    }
}
