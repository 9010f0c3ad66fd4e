package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.internal.ProblemCollector;

/**
 * What HAProxy 2.6 does with http-only settings in a tcp-mode proxy (src/cfgparse.c,
 * check_config_validity()): it starts anyway, with a warning, and drops or replaces the setting.
 * Fulcrum follows: the messages are HAProxy's, located at the line that set the value (which may
 * be in a defaults section):
 * <ul>
 *   <li>"'option httplog' not usable with proxy 'x' (needs 'mode http'). Falling back to 'option
 *       tcplog'." (configuration.txt 4.2 "option httplog");</li>
 *   <li>a log-format of a frontend using a variable marked "H" in configuration.txt 8.2.6 is an error:
 *       "format variable 'r' is reserved for HTTP mode" (HAProxy 2.6 refuses to start);</li>
 *   <li>"Layer 7 hash not possible for proxy 'x' (needs 'mode http'). Falling back to round robin."
 *       for balance uri, url_param and hdr (4.2 "balance");</li>
 *   <li>"'option forwardfor' ignored for proxy 'x' as it requires HTTP mode.", likewise
 *       http-server-close and http-keep-alive.</li>
 * </ul>
 */
final class HttpModeChecks {

    private HttpModeChecks() {
    }

    static void apply(Section section, ProxySettings s, ProblemCollector problems) {
        if (s.mode == Mode.HTTP) {
            return;
        }
        String proxy = section.describe();
        if (s.logFormat == LogFormat.HTTP) {
            problems.warning(s.logFormatAt, "option httplog", "'option httplog' not usable with " + proxy
                    + " (needs 'mode http'). Falling back to 'option tcplog'.");
            s.logFormat = LogFormat.TCP;
        }
        if (s.logFormat == LogFormat.CUSTOM && section.kind().hasFrontendCapability()) {
            for (LogFormatNode node : s.customLogFormat.nodes()) {
                if (node instanceof LogFormatNode.Field field && field.variable().httpOnly()) {
                    problems.error(s.logFormatAt, "%" + field.variable().code(), "format variable '"
                            + field.variable().code() + "' is reserved for HTTP mode: " + proxy + " is in tcp mode");
                }
            }
        }
        if (s.forwardFor != null) {
            problems.warning(s.forwardForAt, "option forwardfor", "'option forwardfor' ignored for " + proxy
                    + " as it requires HTTP mode.");
            s.forwardFor = null;
        }
        if (s.connectionModeAt != null) {
            String option = s.connectionMode == HttpConnectionMode.SERVER_CLOSE ? "option http-server-close"
                    : "option http-keep-alive";
            problems.warning(s.connectionModeAt, option, "'" + option + "' ignored for " + proxy
                    + " as it requires HTTP mode.");
            s.connectionMode = HttpConnectionMode.KEEP_ALIVE;
            s.connectionModeAt = null;
        }
        if (section.kind().hasBackendCapability() && s.balance.algorithm().needsHttp()) {
            problems.warning(s.balanceAt, "balance " + s.balance.algorithm().keyword(), "Layer 7 hash not possible for "
                    + proxy + " (needs 'mode http'). Falling back to round robin.");
            s.balance = Balance.DEFAULT;
        }
    }
}
