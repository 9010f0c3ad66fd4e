package dev.fulcrum.vrrp.mail;

import dev.fulcrum.api.model.global.GlobalSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where and how alerts are mailed, from keepalived.conf(5) global_defs, with keepalived's defaults
 * filled in from the local host name: {@code router_id} (the host name),
 * {@code notification_email_from} ("keepalived@" + host name), {@code smtp_helo_name} (the host name).
 *
 * @param timeout {@code smtp_connect_timeout}: for the connection and for every reply
 */
public record SmtpSettings(String host, int port, String routerId, String from, List<String> to, String heloName,
        Duration timeout) {

    public SmtpSettings {
        to = List.copyOf(to);
    }

    /** Empty when alerts cannot be sent: no {@code smtp_server} or no {@code notification_email}. */
    public static Optional<SmtpSettings> from(GlobalSettings global, String localHostName) {
        if (global.smtpServer().isEmpty() || global.notificationEmail().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(global.smtpServer().get().host(), global.smtpServer().get().port(),
                global.routerId().orElse(localHostName),
                global.notificationEmailFrom().orElse("keepalived@" + localHostName),
                global.notificationEmail(), global.smtpHeloName().orElse(localHostName),
                global.smtpConnectTimeout()));
    }
}
