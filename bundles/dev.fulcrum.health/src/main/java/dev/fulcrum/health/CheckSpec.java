package dev.fulcrum.health;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.Server;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How a target is checked: with HAProxy's semantics or with keepalived's. */
public sealed interface CheckSpec {

    /**
     * A proxy server's checks (configuration.txt 5.2 "check", "inter", "fastinter", "downinter",
     * "rise", "fall"; 4.2 "option httpchk", "http-check expect").
     *
     * @param httpCheck    absent: a TCP connect check
     * @param checkTimeout 4.2 "timeout check"; absent: the server's "inter"
     */
    record Haproxy(Server server, Optional<HealthCheck> httpCheck, Optional<Duration> checkTimeout)
            implements CheckSpec {
        public Haproxy {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(httpCheck, "httpCheck");
            Objects.requireNonNull(checkTimeout, "checkTimeout");
            if (!server.check()) {
                throw new IllegalArgumentException("server " + server.name()
                        + " has no \"check\" (configuration.txt 5.2): there is nothing to monitor");
            }
            checkTimeout.ifPresent(t -> {
                if (t.isNegative() || t.isZero()) {
                    throw new IllegalArgumentException("timeout check must be positive, was " + t);
                }
            });
        }

        public Duration timeout() {
            return checkTimeout.orElse(server.inter());
        }
    }

    /**
     * A real server's checker (keepalived.conf(5) real_server and checker blocks).
     *
     * @param delayLoop  the virtual server's {@code delay_loop}; the checker's own wins
     * @param alpha      {@code alpha}: start DOWN, the first successful check brings it UP
     * @param omega      {@code omega}: on stop, a target that is UP is reported DOWN
     * @param notifyUp   {@code notify_up} script, split on blanks into an argv (never a shell)
     * @param notifyDown {@code notify_down} script
     */
    record Keepalived(HealthChecker checker, Duration delayLoop, boolean alpha, boolean omega,
            Optional<String> notifyUp, Optional<String> notifyDown) implements CheckSpec {
        public Keepalived {
            Objects.requireNonNull(checker, "checker");
            Objects.requireNonNull(delayLoop, "delayLoop");
            Objects.requireNonNull(notifyUp, "notifyUp");
            Objects.requireNonNull(notifyDown, "notifyDown");
            if (delayLoop.isNegative() || delayLoop.isZero()) {
                throw new IllegalArgumentException("delay_loop must be positive, was " + delayLoop);
            }
        }

        /** The effective {@code delay_loop}: the checker's, else the virtual server's. */
        public Duration effectiveDelayLoop() {
            return checker.common().delayLoop().orElse(delayLoop);
        }
    }
}
