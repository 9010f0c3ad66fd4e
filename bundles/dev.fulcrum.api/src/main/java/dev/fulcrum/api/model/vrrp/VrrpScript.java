package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code vrrp_script <SCRIPT_NAME> { ... }}.
 *
 * @param command  {@code script}, as written (keepalived runs it without a shell)
 * @param interval {@code interval}, default 1 s
 * @param timeout  {@code timeout}; absent: the interval
 * @param weight   {@code weight <-253..253>}, default 0
 * @param reverse  {@code weight ... reverse}
 * @param rise     {@code rise}, default 1
 * @param fall     {@code fall}, default 1
 * @param user     {@code user USERNAME [GROUPNAME]}, as written; absent: script_user
 * @param initFail {@code init_fail}: start in the failed state
 */
public record VrrpScript(String name, String command, Duration interval, Optional<Duration> timeout, int weight,
        boolean reverse, int rise, int fall, Optional<String> user, boolean initFail) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public VrrpScript {
        Checks.name("name", name);
        Checks.name("command", command);
        Checks.positive("interval", interval);
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(t -> Checks.positive("timeout", t));
        Checks.range("weight", weight, -253, 253);
        Checks.range("rise", rise, 1, Integer.MAX_VALUE);
        Checks.range("fall", fall, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(user, "user");
    }
}
