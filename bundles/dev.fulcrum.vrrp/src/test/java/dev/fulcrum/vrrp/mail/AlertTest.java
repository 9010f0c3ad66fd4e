package dev.fulcrum.vrrp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.vrrp.fsm.VrrpState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** keepalived's alert texts (vrrp.c, vrrp_smtp_notifier / vrrp_sync_smtp_notifier) and the DATA text. */
class AlertTest {

    @Test
    void instanceAndGroupTextsPerState() {
        assertEquals(new Alert("[r1] VRRP Instance VI_1 - Entering BACKUP state",
                "=> VRRP Instance is no longer owning VRRP VIPs <="), Alert.instance("r1", "VI_1", VrrpState.BACKUP).get());
        assertEquals(new Alert("[r1] VRRP Group G - Entering MASTER state",
                "=> All VRRP group instances are now in MASTER state <="), Alert.group("r1", "G", VrrpState.MASTER).get());
        assertEquals(new Alert("[r1] VRRP Group G - Entering BACKUP state",
                "=> All VRRP group instances are now in BACKUP state <="), Alert.group("r1", "G", VrrpState.BACKUP).get());
        assertTrue(Alert.instance("r1", "VI_1", VrrpState.INITIALIZE).isEmpty(), "stopping is not mailed");
        assertTrue(Alert.group("r1", "G", VrrpState.INITIALIZE).isEmpty());
    }

    @Test
    void linesStartingWithADotAreDoubledAndTheDateFollowsTheZone() {
        SmtpSettings settings = new SmtpSettings("h", 25, "r", "f@x", List.of("t@x"), "h", Duration.ofSeconds(1));
        String data = MailText.of(settings, new Alert("s", ".one\n..two"), Instant.parse("2026-01-02T03:04:05Z"),
                ZoneId.of("Asia/Tokyo"));
        assertTrue(data.startsWith("Date: Fri, 02 Jan 2026 12:04:05 +0900\r\n"), data);
        assertTrue(data.endsWith("\r\n\r\n..one\r\n...two\r\n.\r\n"), data);
    }
}
