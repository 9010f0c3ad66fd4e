package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Url;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived.conf(5) real_server checkers: TCP_CHECK, HTTP_GET / SSL_GET, MISC_CHECK, SMTP_CHECK and
 * DNS_CHECK with their common options; values at the reader's default are left out.
 */
final class KeepalivedCheckers {

    private KeepalivedCheckers() {
    }

    static void checker(HealthChecker checker, ConfigText out) {
        if (checker instanceof HealthChecker.TcpCheck) {
            out.open("TCP_CHECK");
            common(checker.common(), out);
        } else if (checker instanceof HealthChecker.HttpGet) {
            HealthChecker.HttpGet h = (HealthChecker.HttpGet) checker;
            out.open(h.ssl() ? "SSL_GET" : "HTTP_GET");
            common(h.common(), out);
            h.urls().forEach(u -> url(u, out));
            h.virtualhost().ifPresent(v -> out.line("virtualhost", v));
            h.httpProtocol().ifPresent(p -> out.line("http_protocol", p));
            KeepalivedEmitter.flag(out, "enable_sni", h.enableSni());
        } else if (checker instanceof HealthChecker.MiscCheck) {
            HealthChecker.MiscCheck m = (HealthChecker.MiscCheck) checker;
            out.open("MISC_CHECK");
            common(m.common(), out);
            out.line("misc_path", m.path());
            m.timeout().ifPresent(t -> out.line("misc_timeout", KeepalivedWords.seconds(t)));
            KeepalivedEmitter.flag(out, "misc_dynamic", m.dynamic());
            m.user().ifPresent(u -> out.line("user", u.split(" ", -1)));
        } else if (checker instanceof HealthChecker.SmtpCheck) {
            HealthChecker.SmtpCheck s = (HealthChecker.SmtpCheck) checker;
            out.open("SMTP_CHECK");
            common(s.common(), out);
            s.heloName().ifPresent(n -> out.line("helo_name", n));
        } else if (checker instanceof HealthChecker.DnsCheck) {
            HealthChecker.DnsCheck d = (HealthChecker.DnsCheck) checker;
            out.open("DNS_CHECK");
            common(d.common(), out);
            if (!d.type().equals(HealthChecker.DnsCheck.DEFAULT_TYPE)) {
                out.line("type", d.type());
            }
            if (!d.name().equals(HealthChecker.DnsCheck.DEFAULT_NAME)) {
                out.line("name", d.name());
            }
        } else {
            throw new IllegalArgumentException("no keepalived.conf form for checker " + checker.getClass().getName());
        }
        out.close();
    }

    private static void common(CheckCommon c, ConfigText out) {
        c.connectIp().ifPresent(a -> out.line("connect_ip", KeepalivedWords.address(a)));
        c.connectPort().ifPresent(p -> out.line("connect_port", Integer.toString(p)));
        c.bindTo().ifPresent(a -> out.line("bindto", KeepalivedWords.address(a)));
        c.bindPort().ifPresent(p -> out.line("bind_port", Integer.toString(p)));
        KeepalivedEmitter.seconds(out, "connect_timeout", c.connectTimeout(), CheckCommon.DEFAULT_CONNECT_TIMEOUT);
        if (c.retry() != CheckCommon.DEFAULT_RETRY) {
            out.line("retry", Integer.toString(c.retry()));
        }
        KeepalivedEmitter.seconds(out, "delay_before_retry", c.delayBeforeRetry(), CheckCommon.DEFAULT_DELAY_BEFORE_RETRY);
        c.warmup().ifPresent(d -> out.line("warmup", KeepalivedWords.seconds(d)));
        c.delayLoop().ifPresent(d -> out.line("delay_loop", KeepalivedWords.seconds(d)));
    }

    /** "url { path; digest; status_code &lt;CODE&gt;|&lt;FROM&gt;-&lt;TO&gt;...; virtualhost }". */
    private static void url(Url u, ConfigText out) {
        out.open("url");
        out.line("path", u.path());
        u.digest().ifPresent(d -> out.line("digest", d));
        if (!u.statusCodes().isEmpty()) {
            List<String> codes = new ArrayList<>();
            for (Url.StatusRange r : u.statusCodes()) {
                codes.add(r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to());
            }
            out.line("status_code", codes.toArray(String[]::new));
        }
        u.virtualhost().ifPresent(v -> out.line("virtualhost", v));
        out.close();
    }
}
