package dev.fulcrum.vrrp.mail;

import java.time.Instant;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The message sent after DATA: the headers keepalived writes (Date, From, Subject, X-Mailer, To),
 * a blank line and the body, lines ended by CRLF (RFC 5321 section 2.3.8), a leading "." doubled
 * (RFC 5321 section 4.5.2) and the terminating "." line.
 */
final class MailText {

    /** RFC 5322 section 3.3 date-time, e.g. "Wed, 25 Nov 2026 01:30:00 +0000". */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private MailText() {
    }

    static String of(SmtpSettings settings, Alert alert, Instant now, ZoneId zone) {
        List<String> lines = List.of(
                "Date: " + DATE.format(now.atZone(zone)),
                "From: " + settings.from(),
                "Subject: " + alert.subject(),
                "X-Mailer: Keepalived",
                "To: " + String.join(", ", settings.to()),
                "",
                alert.body());
        StringBuilder data = new StringBuilder();
        for (String line : String.join("\n", lines).split("\r?\n", -1)) {
            data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        return data.append(".\r\n").toString();
    }
}
