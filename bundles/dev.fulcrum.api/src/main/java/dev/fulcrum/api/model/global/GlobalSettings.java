package dev.fulcrum.api.model.global;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code global_defs}.
 *
 * @param routerId             {@code router_id}; keepalived uses the host name when absent
 * @param notificationEmail    {@code notification_email { ... }}
 * @param notificationEmailFrom {@code notification_email_from}
 * @param smtpServer           {@code smtp_server}
 * @param smtpHeloName         {@code smtp_helo_name}
 * @param smtpConnectTimeout   {@code smtp_connect_timeout}, default 30 s
 * @param smtpAlert            {@code smtp_alert}: send email alerts by default
 * @param scriptUser           {@code script_user USERNAME [GROUPNAME]}, as written
 * @param enableScriptSecurity {@code enable_script_security}
 * @param vrrp                 the vrrp_* defaults
 * @param lvsTimeouts          {@code lvs_timeouts}
 * @param lvsSyncDaemon        {@code lvs_sync_daemon}
 * @param lvsFlush             {@code lvs_flush}: flush the IPVS table on start
 * @param lvsFlushOnStop       {@code lvs_flush_on_stop}
 */
public record GlobalSettings(Optional<String> routerId, List<String> notificationEmail,
        Optional<String> notificationEmailFrom, Optional<SmtpServer> smtpServer, Optional<String> smtpHeloName,
        Duration smtpConnectTimeout, boolean smtpAlert, Optional<String> scriptUser, boolean enableScriptSecurity,
        VrrpDefaults vrrp, LvsTimeouts lvsTimeouts, Optional<LvsSyncDaemon> lvsSyncDaemon, boolean lvsFlush,
        boolean lvsFlushOnStop) {

    /** keepalived.conf(5): smtp_connect_timeout default 30 seconds. */
    public static final Duration DEFAULT_SMTP_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** No global_defs at all. */
    public static final GlobalSettings DEFAULTS = new GlobalSettings(Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), DEFAULT_SMTP_CONNECT_TIMEOUT, false, Optional.empty(), false,
            VrrpDefaults.DEFAULTS, LvsTimeouts.UNCHANGED, Optional.empty(), false, false);

    public GlobalSettings {
        Objects.requireNonNull(routerId, "routerId");
        notificationEmail = List.copyOf(notificationEmail);
        Objects.requireNonNull(notificationEmailFrom, "notificationEmailFrom");
        Objects.requireNonNull(smtpServer, "smtpServer");
        Objects.requireNonNull(smtpHeloName, "smtpHeloName");
        Checks.positive("smtpConnectTimeout", smtpConnectTimeout);
        Objects.requireNonNull(scriptUser, "scriptUser");
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(lvsTimeouts, "lvsTimeouts");
        Objects.requireNonNull(lvsSyncDaemon, "lvsSyncDaemon");
    }
}
