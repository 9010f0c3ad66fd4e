package dev.fulcrum.api.model.proxy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code timeout} keywords of configuration.txt 4.2 (values in the 2.5 "Time format"). Empty
 * means not set: HAProxy then waits forever (client, server, connect: it warns at start-up), or
 * falls back as documented per keyword (http-request and http-keep-alive to client, tunnel to
 * client/server, check to connect/inter, queue to connect).
 */
public record Timeouts(Optional<Duration> client, Optional<Duration> server, Optional<Duration> connect,
        Optional<Duration> httpRequest, Optional<Duration> httpKeepAlive, Optional<Duration> queue,
        Optional<Duration> tunnel, Optional<Duration> check) {

    public static final Timeouts NONE = new Timeouts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Timeouts {
        check(client, "client");
        check(server, "server");
        check(connect, "connect");
        check(httpRequest, "http-request");
        check(httpKeepAlive, "http-keep-alive");
        check(queue, "queue");
        check(tunnel, "tunnel");
        check(check, "check");
    }

    private static void check(Optional<Duration> value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && value.get().isNegative()) {
            throw new IllegalArgumentException("timeout " + name + " must not be negative");
        }
    }
}
