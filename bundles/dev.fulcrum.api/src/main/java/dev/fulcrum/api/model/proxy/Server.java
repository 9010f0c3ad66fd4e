package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * configuration.txt 4.2 "server &lt;name&gt; &lt;address&gt;[:[port]] [param*]" with the parameters of 5.2
 * "Server and default-server options" and their defaults.
 *
 * @param host      an IP literal or a host name (resolved by the data plane, never by the model)
 * @param port      1..65535, or 0: no port written, connect to the port the client connected to
 * @param check     5.2 "check": health-check the server
 * @param inter     5.2 "inter", {@link #DEFAULT_INTER} by default
 * @param fastinter 5.2 "fastinter": interval while going up or down; "inter" when not set
 * @param downinter 5.2 "downinter": interval while down; "inter" when not set
 * @param rise      5.2 "rise", {@value #DEFAULT_RISE} by default
 * @param fall      5.2 "fall", {@value #DEFAULT_FALL} by default
 * @param weight    5.2 "weight" 0..256, {@value #DEFAULT_WEIGHT} by default
 * @param backup    5.2 "backup": only used when all non-backup servers are down
 * @param maxconn   5.2 "maxconn"; 0 (the default): no limit
 * @param disabled  5.2 "disabled": starts in maintenance
 * @param slowstart 5.2 "slowstart"; zero (the default): none
 * @param sendProxy 5.2 "send-proxy": PROXY protocol v1 to the server
 * @param maxqueue  5.2 "maxqueue": the most requests that may wait in this server's own queue; empty
 *                  (the default, also what "maxqueue 0" means): no limit
 */
public record Server(String name, String host, int port, boolean check, Duration inter, Duration fastinter,
        Duration downinter, int rise, int fall, int weight, boolean backup, int maxconn, boolean disabled,
        Duration slowstart, boolean sendProxy, OptionalInt maxqueue) {

    public static final Duration DEFAULT_INTER = Duration.ofSeconds(2);
    public static final int DEFAULT_RISE = 2;
    public static final int DEFAULT_FALL = 3;
    public static final int DEFAULT_WEIGHT = 1;
    public static final int MAX_WEIGHT = 256;

    public Server {
        Checks.name("server name", name);
        Checks.name("server host", host);
        Checks.range("server port", port, 0, 65535);
        Checks.positive("inter", inter);
        Checks.positive("fastinter", fastinter);
        Checks.positive("downinter", downinter);
        Checks.range("rise", rise, 1, Integer.MAX_VALUE);
        Checks.range("fall", fall, 1, Integer.MAX_VALUE);
        Checks.range("weight", weight, 0, MAX_WEIGHT);
        Checks.range("maxconn", maxconn, 0, Integer.MAX_VALUE);
        Objects.requireNonNull(maxqueue, "maxqueue");
        if (maxqueue.isPresent()) {
            Checks.range("maxqueue", maxqueue.getAsInt(), 0, Integer.MAX_VALUE);
            // 5.2: "The default value is "0" which means the queue is unlimited."
            maxqueue = maxqueue.getAsInt() == 0 ? OptionalInt.empty() : maxqueue;
        }
        Objects.requireNonNull(slowstart, "slowstart");
        if (slowstart.isNegative()) {
            throw new IllegalArgumentException("slowstart must not be negative");
        }
    }

    /** A server without "maxqueue" (no limit). */
    public Server(String name, String host, int port, boolean check, Duration inter, Duration fastinter,
            Duration downinter, int rise, int fall, int weight, boolean backup, int maxconn, boolean disabled,
            Duration slowstart, boolean sendProxy) {
        this(name, host, port, check, inter, fastinter, downinter, rise, fall, weight, backup, maxconn, disabled,
                slowstart, sendProxy, OptionalInt.empty());
    }

    /** A server with every parameter at HAProxy's default (no check). */
    public static Server of(String name, String host, int port) {
        return new Server(name, host, port, false, DEFAULT_INTER, DEFAULT_INTER, DEFAULT_INTER, DEFAULT_RISE,
                DEFAULT_FALL, DEFAULT_WEIGHT, false, 0, false, Duration.ZERO, false, OptionalInt.empty());
    }
}
