package dev.fulcrum.vrrp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.SmtpServer;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) smtp_alert against a small SMTP server on loopback. */
class SmtpAlerterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:30:00Z");

    private static GlobalSettings global(int port, Optional<String> routerId, Optional<String> from,
            Optional<String> helo, Duration timeout) {
        GlobalSettings d = GlobalSettings.DEFAULTS;
        return new GlobalSettings(routerId, List.of("admin@example.com", "ops@example.com"), from,
                Optional.of(new SmtpServer("127.0.0.1", port)), helo, timeout, true, d.scriptUser(),
                d.enableScriptSecurity(), d.vrrp(), d.lvsTimeouts(), d.lvsSyncDaemon(), d.lvsFlush(),
                d.lvsFlushOnStop());
    }

    private static GlobalSettings global(int port) {
        return global(port, Optional.of("LVS_DEVEL"), Optional.of("lb@example.com"), Optional.of("lb1.example.com"),
                Duration.ofSeconds(30));
    }

    static VrrpInstance instance(String name, boolean smtpAlert) {
        return new VrrpInstance(name, InitialState.BACKUP, "eth0", 51, 100, Duration.ofSeconds(1), 2,
                Optional.empty(), List.of(), List.of(), false, Duration.ZERO, true, false, Optional.empty(), List.of(),
                Optional.empty(), List.of(), List.of(), false, NotifyScripts.NONE, smtpAlert,
                GarpSettings.GLOBAL_DEFAULTS);
    }

    private static SmtpAlerter alerter() {
        return new SmtpAlerter(InstantSource.fixed(NOW), ZoneId.of("UTC"), "lb1", "test-mail");
    }

    @Test
    void masterTransitionIsMailedWithKeepalivedsDialogueAndMessage() throws Exception {
        try (TinySmtpServer server = TinySmtpServer.normal(); SmtpAlerter alerts = alerter()) {
            alerts.configure(global(server.port()));
            alerts.instanceChanged(instance("VI_1", true), Optional.empty(), VrrpState.MASTER);
            TinySmtpServer.Conversation c = server.next();
            assertEquals(List.of("HELO lb1.example.com", "MAIL FROM:<lb@example.com>", "RCPT TO:<admin@example.com>",
                    "RCPT TO:<ops@example.com>", "DATA", "QUIT"), c.commands());
            assertEquals("Date: Wed, 25 Nov 2026 01:30:00 +0000\r\n"
                    + "From: lb@example.com\r\n"
                    + "Subject: [LVS_DEVEL] VRRP Instance VI_1 - Entering MASTER state\r\n"
                    + "X-Mailer: Keepalived\r\n"
                    + "To: admin@example.com, ops@example.com\r\n"
                    + "\r\n"
                    + "=> VRRP Instance is now owning VRRP VIPs <=\r\n"
                    + ".\r\n", c.data());
        }
    }

    @Test
    void leftOutSettingsTakeKeepalivedsDefaultsFromTheHostName() throws Exception {
        try (TinySmtpServer server = TinySmtpServer.normal(); SmtpAlerter alerts = alerter()) {
            alerts.configure(global(server.port(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(30)));
            alerts.instanceChanged(instance("VI_1", true), Optional.empty(), VrrpState.BACKUP);
            TinySmtpServer.Conversation c = server.next();
            assertEquals("HELO lb1", c.commands().get(0));
            assertEquals("MAIL FROM:<keepalived@lb1>", c.commands().get(1));
            assertTrue(c.data().contains("\r\nFrom: keepalived@lb1\r\n"), c.data());
            assertTrue(c.data().contains("\r\nSubject: [lb1] VRRP Instance VI_1 - Entering BACKUP state\r\n"
                    + "X-Mailer: Keepalived\r\n"), c.data());
            assertTrue(c.data().endsWith("\r\n\r\n=> VRRP Instance is no longer owning VRRP VIPs <=\r\n.\r\n"), c.data());
        }
    }

    /** Mail goes out in order: the only one that arrives before the marker is the one that should be sent. */
    @Test
    void onlyAlertingInstancesAndGroupsMailAndAGroupsMembersLeaveItToTheGroup() throws Exception {
        VrrpSyncGroup alerting = new VrrpSyncGroup("G1", List.of("VI_1"), NotifyScripts.NONE, true, List.of(), List.of());
        VrrpSyncGroup quiet = new VrrpSyncGroup("G2", List.of("VI_2"), NotifyScripts.NONE, false, List.of(), List.of());
        try (TinySmtpServer server = TinySmtpServer.normal(); SmtpAlerter alerts = alerter()) {
            alerts.configure(global(server.port()));
            alerts.instanceChanged(instance("VI_0", false), Optional.empty(), VrrpState.MASTER);
            alerts.instanceChanged(instance("VI_1", true), Optional.of(alerting), VrrpState.MASTER);
            alerts.instanceChanged(instance("VI_2", true), Optional.of(quiet), VrrpState.INITIALIZE);
            alerts.groupChanged(quiet, VrrpState.MASTER);
            alerts.groupChanged(alerting, VrrpState.FAULT);
            assertEquals("Subject: [LVS_DEVEL] VRRP Group G1 - Entering FAULT state", subject(server.next()));
            alerts.instanceChanged(instance("VI_2", true), Optional.of(quiet), VrrpState.FAULT);
            TinySmtpServer.Conversation fault = server.next();
            assertEquals("Subject: [LVS_DEVEL] VRRP Instance VI_2 - Entering FAULT state", subject(fault));
            assertTrue(fault.data().contains("\r\n\r\n=> VRRP Instance is in FAULT state <=\r\n"), fault.data());
        }
    }

    @Test
    void aRefusedRecipientIsLoggedAndTheNextAlertStillGoesOut() throws Exception {
        AtomicBoolean refused = new AtomicBoolean();
        try (TinySmtpServer server = TinySmtpServer.answering(command -> command.equals("RCPT TO:<ops@example.com>")
                && refused.compareAndSet(false, true) ? "550 no such user" : null);
                SmtpAlerter alerts = alerter()) {
            alerts.configure(global(server.port()));
            alerts.instanceChanged(instance("VI_1", true), Optional.empty(), VrrpState.MASTER);
            // the client gives up after the refusal: no DATA, no QUIT, the connection is closed
            assertEquals(List.of("HELO lb1.example.com", "MAIL FROM:<lb@example.com>", "RCPT TO:<admin@example.com>",
                    "RCPT TO:<ops@example.com>"), server.next().commands());
            alerts.instanceChanged(instance("VI_1", true), Optional.empty(), VrrpState.BACKUP);
            assertEquals("Subject: [LVS_DEVEL] VRRP Instance VI_1 - Entering BACKUP state", subject(server.next()));
        }
    }

    @Test
    void aRefusalIsAnErrorNamingTheCommandAndTheReply() throws Exception {
        try (TinySmtpServer server = TinySmtpServer.answering(
                command -> command.startsWith("MAIL FROM") ? "451 try again later" : null)) {
            SmtpSettings settings = SmtpSettings.from(global(server.port()), "lb1").orElseThrow();
            IOException e = assertThrows(IOException.class, () -> new SmtpClient(settings).send(".\r\n"));
            assertEquals("MAIL FROM:<lb@example.com>: the server answered '451 try again later'", e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersHoldsUpNeitherTheCallerNorLaterMailBeyondTheTimeout() throws Exception {
        try (TinySmtpServer server = TinySmtpServer.silent(); SmtpAlerter alerts = alerter()) {
            alerts.configure(global(server.port(), Optional.of("r"), Optional.of("f@x"), Optional.of("h"),
                    Duration.ofMillis(200)));
            // the caller (the VRRP loop) returns while the server is still silent
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    alerts.instanceChanged(instance("VI_1", true), Optional.empty(), VrrpState.MASTER));
            SmtpSettings settings = SmtpSettings.from(global(server.port(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofMillis(200)), "lb1").orElseThrow();
            IOException e = assertThrows(IOException.class, () -> new SmtpClient(settings).send(".\r\n"));
            assertTrue(e.getMessage().startsWith("connection: "), e.getMessage());
            server.speak();
        }
    }

    @Test
    void noServerOrNoRecipientMeansNoAlerts() {
        GlobalSettings d = GlobalSettings.DEFAULTS;
        assertTrue(SmtpSettings.from(d, "lb1").isEmpty());
        GlobalSettings noRecipients = new GlobalSettings(d.routerId(), List.of(), d.notificationEmailFrom(),
                Optional.of(new SmtpServer("127.0.0.1", 25)), d.smtpHeloName(), d.smtpConnectTimeout(), true,
                d.scriptUser(), d.enableScriptSecurity(), d.vrrp(), d.lvsTimeouts(), d.lvsSyncDaemon(), d.lvsFlush(),
                d.lvsFlushOnStop());
        assertTrue(SmtpSettings.from(noRecipients, "lb1").isEmpty());
    }

    private static String subject(TinySmtpServer.Conversation c) {
        return c.data().lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElse("no subject in " + c.data());
    }
}
