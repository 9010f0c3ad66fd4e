package dev.fulcrum.api.model.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GlobalModelTest {

    @Test
    void defaultsAreTheManPages() {
        assertEquals(Duration.ofSeconds(30), GlobalSettings.DEFAULTS.smtpConnectTimeout());
        assertEquals(2, VrrpDefaults.DEFAULTS.version());
        assertEquals(Duration.ofSeconds(5), VrrpDefaults.DEFAULTS.garpMasterDelay());
        assertEquals(5, VrrpDefaults.DEFAULTS.garpMasterRepeat());
    }

    @Test
    void rangesAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpServer("mail", 0));
        assertThrows(IllegalArgumentException.class, () -> new LvsSyncDaemon("eth0", "VI_1", OptionalInt.of(256),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new LvsTimeouts(Optional.of(Duration.ZERO), Optional.empty(), Optional.empty()));
    }
}
