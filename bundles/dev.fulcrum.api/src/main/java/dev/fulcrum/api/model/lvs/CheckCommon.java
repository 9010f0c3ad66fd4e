package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options every checker takes (keepalived.conf(5) "checker common options").
 *
 * @param connectIp        {@code connect_ip}; absent: the real server's address
 * @param connectPort      {@code connect_port}; absent: the real server's port
 * @param bindTo           {@code bindto}
 * @param bindPort         {@code bind_port}
 * @param connectTimeout   {@code connect_timeout}, default 5 s
 * @param retry            {@code retry}, default 1
 * @param delayBeforeRetry {@code delay_before_retry}, default 1 s
 * @param warmup           {@code warmup}: a random delay up to this before the first check
 * @param delayLoop        {@code delay_loop}; absent: the virtual server's
 */
public record CheckCommon(Optional<InetAddress> connectIp, OptionalInt connectPort, Optional<InetAddress> bindTo,
        OptionalInt bindPort, Duration connectTimeout, int retry, Duration delayBeforeRetry,
        Optional<Duration> warmup, Optional<Duration> delayLoop) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRY = 1;
    public static final Duration DEFAULT_DELAY_BEFORE_RETRY = Duration.ofSeconds(1);

    public static final CheckCommon DEFAULTS = new CheckCommon(Optional.empty(), OptionalInt.empty(),
            Optional.empty(), OptionalInt.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_RETRY,
            DEFAULT_DELAY_BEFORE_RETRY, Optional.empty(), Optional.empty());

    public CheckCommon {
        Objects.requireNonNull(connectIp, "connectIp");
        Objects.requireNonNull(connectPort, "connectPort");
        connectPort.ifPresent(p -> Checks.range("connectPort", p, 1, 65535));
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(bindPort, "bindPort");
        bindPort.ifPresent(p -> Checks.range("bindPort", p, 1, 65535));
        Checks.positive("connectTimeout", connectTimeout);
        Checks.range("retry", retry, 0, Integer.MAX_VALUE);
        Checks.nonNegative("delayBeforeRetry", delayBeforeRetry);
        Objects.requireNonNull(warmup, "warmup");
        warmup.ifPresent(d -> Checks.nonNegative("warmup", d));
        Objects.requireNonNull(delayLoop, "delayLoop");
        delayLoop.ifPresent(d -> Checks.positive("delayLoop", d));
    }
}
