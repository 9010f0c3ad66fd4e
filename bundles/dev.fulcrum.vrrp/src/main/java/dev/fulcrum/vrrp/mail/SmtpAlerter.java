package dev.fulcrum.vrrp.mail;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * keepalived.conf(5) {@code smtp_alert}: mails each state change of an instance, or of a sync group
 * once all its members share the state, to {@code notification_email} through {@code smtp_server}.
 * Mail goes out in order on a thread of its own, so a slow or dead server never holds up VRRP; a
 * failure is logged and the next alert tries again. As in keepalived (vrrp.c, vrrp_smtp_notifier),
 * an instance whose sync group sends alerts sends none itself.
 */
public final class SmtpAlerter implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SmtpAlerter.class.getName());

    private final InstantSource clock;
    private final ZoneId zone;
    private final String localHostName;
    private final ExecutorService executor;
    private volatile Optional<SmtpSettings> settings = Optional.empty();

    public SmtpAlerter(InstantSource clock, ZoneId zone, String localHostName, String threadName) {
        this.clock = clock;
        this.zone = zone;
        this.localHostName = localHostName;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The alerter of this machine: its clock, time zone and host name (the UTS name, as keepalived's uname). */
    public static SmtpAlerter system(String threadName) {
        String host;
        try {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            host = "localhost";
        }
        return new SmtpAlerter(InstantSource.system(), ZoneId.systemDefault(), host, threadName);
    }

    /** Takes the global_defs of a new revision; no smtp_server or no notification_email turns alerts off. */
    public void configure(GlobalSettings global) {
        settings = SmtpSettings.from(global, localHostName);
    }

    public void instanceChanged(VrrpInstance instance, Optional<VrrpSyncGroup> group, VrrpState state) {
        if (instance.smtpAlert() && !group.map(VrrpSyncGroup::smtpAlert).orElse(false)) {
            settings.ifPresent(s -> Alert.instance(s.routerId(), instance.name(), state).ifPresent(a -> send(s, a)));
        }
    }

    /** A sync group's members have all entered {@code state}. */
    public void groupChanged(VrrpSyncGroup group, VrrpState state) {
        if (group.smtpAlert()) {
            settings.ifPresent(s -> Alert.group(s.routerId(), group.name(), state).ifPresent(a -> send(s, a)));
        }
    }

    private void send(SmtpSettings to, Alert alert) {
        String data = MailText.of(to, alert, clock.instant(), zone);
        executor.execute(() -> {
            try {
                new SmtpClient(to).send(data);
                LOG.log(Level.INFO, "SMTP alert sent: " + alert.subject());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "SMTP alert '" + alert.subject() + "' not sent through " + to.host() + ":"
                        + to.port() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
