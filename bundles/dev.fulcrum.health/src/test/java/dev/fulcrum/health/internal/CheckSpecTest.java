package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.health.CheckSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CheckSpecTest {

    @Test
    void aServerWithoutCheckIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CheckSpec.Haproxy(Server.of("app1", "10.0.0.2", 80), Optional.empty(), Optional.empty()));
        assertEquals("server app1 has no \"check\" (configuration.txt 5.2): there is nothing to monitor", e.getMessage());
    }

    @Test
    void theCheckTimeoutDefaultsToInter() {
        Server server = Specs.server("app1", 80, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(9), 2, 3);
        assertEquals(Duration.ofSeconds(3), new CheckSpec.Haproxy(server, Optional.empty(), Optional.empty()).timeout());
        assertEquals("timeout check must be positive, was PT0S", assertThrows(IllegalArgumentException.class,
                () -> new CheckSpec.Haproxy(server, Optional.empty(), Optional.of(Duration.ZERO))).getMessage());
    }

    @Test
    void theCheckersDelayLoopWinsOverTheVirtualServers() {
        HealthChecker.TcpCheck own = new HealthChecker.TcpCheck(Specs.common(Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1), Optional.empty()));
        assertEquals(Duration.ofSeconds(60), Specs.keepalived(own, Duration.ofSeconds(60)).effectiveDelayLoop());
        var withLoop = new HealthChecker.TcpCheck(new CheckCommon(Optional.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1), Optional.empty(), Optional.of(Duration.ofSeconds(5))));
        assertEquals(Duration.ofSeconds(5), Specs.keepalived(withLoop, Duration.ofSeconds(60)).effectiveDelayLoop());
    }
}
