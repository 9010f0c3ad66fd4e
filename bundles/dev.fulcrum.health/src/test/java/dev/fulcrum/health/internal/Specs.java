package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.health.CheckSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Check specifications for tests, written the way a configuration would set them. */
final class Specs {

    private Specs() {
    }

    static Server server(String name, int port, Duration inter, Duration fastinter, Duration downinter, int rise,
            int fall) {
        return new Server(name, "127.0.0.1", port, true, inter, fastinter, downinter, rise, fall, 1, false, 0, false,
                Duration.ZERO, false);
    }

    /**
     * The "timeout check" of tests that assert verdicts, not timeouts: the first checks in a cold JVM
     * on this busy 2-core machine took up to 2.5 s.
     */
    static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(10);

    static CheckSpec.Haproxy tcp(Server server) {
        return new CheckSpec.Haproxy(server, Optional.empty(), Optional.of(GENEROUS_TIMEOUT));
    }

    static CheckSpec.Haproxy httpchk(Server server, String uri, HttpCheckExpect... expects) {
        return new CheckSpec.Haproxy(server, Optional.of(new HealthCheck("GET", uri, "HTTP/1.0", List.of(expects))),
                Optional.of(GENEROUS_TIMEOUT));
    }

    static CheckCommon common(Duration connectTimeout, int retry, Duration delayBeforeRetry, Optional<Duration> warmup) {
        return new CheckCommon(Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), connectTimeout, retry, delayBeforeRetry, warmup, Optional.empty());
    }

    static CheckSpec.Keepalived keepalived(HealthChecker checker, Duration delayLoop) {
        return new CheckSpec.Keepalived(checker, delayLoop, false, false, Optional.empty(), Optional.empty());
    }

    static HealthChecker.HttpGet httpGet(boolean ssl, boolean sni, Optional<String> virtualhost, Url... urls) {
        return new HealthChecker.HttpGet(ssl, common(GENEROUS_TIMEOUT, 1, Duration.ofSeconds(1), Optional.empty()),
                List.of(urls), virtualhost, Optional.empty(), sni);
    }

    static Url url(String path, Optional<String> digest, Url.StatusRange... codes) {
        return new Url(path, digest, List.of(codes), Optional.empty());
    }
}
