package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxy model as a canonical haproxy.cfg (HAProxy 2.6 configuration.txt): a {@code global}
 * section, then every frontend, then every backend, each in model order. No {@code defaults}
 * section: every proxy carries its whole (already merged) settings. A {@code listen} section of the
 * source comes out as a frontend and a backend of the same name, which configuration.txt 4 permits
 * ("it is still permitted that a frontend and a backend share the same name") and which reads back
 * as the same model.
 */
public final class HaproxyEmitter {

    private HaproxyEmitter() {
    }

    public static String emit(ProxyConfig config) {
        ConfigText out = new ConfigText(HaproxyWords::word);
        global(config.global(), out);
        for (Frontend frontend : config.frontends()) {
            out.blank();
            HaproxyProxies.frontend(frontend, out);
        }
        for (Backend backend : config.backends()) {
            out.blank();
            HaproxyProxies.backend(backend, out);
        }
        return out.toString();
    }

    /** configuration.txt 3 "Global parameters"; values at their default are left out. */
    private static void global(ProxyGlobal g, ConfigText out) {
        out.raw("global").indent();
        g.logTargets().forEach(t -> logTarget(t, out));
        if (g.maxconn() != ProxyGlobal.DEFAULT_MAXCONN) {
            out.line("maxconn", Integer.toString(g.maxconn()));
        }
        g.user().ifPresent(u -> out.line("user", u));
        g.group().ifPresent(u -> out.line("group", u));
        if (g.daemon()) {
            out.line("daemon");
        }
        g.chroot().ifPresent(c -> out.line("chroot", c));
        g.nbthread().ifPresent(n -> out.line("nbthread", Integer.toString(n)));
        g.statsSocket().ifPresent(s -> {
            // 3.1 "stats socket <path> [level <level>]": level user is the default.
            List<String> words = new ArrayList<>(List.of("socket", s.path()));
            if (!s.level().equals(dev.fulcrum.api.model.proxy.StatsSocket.DEFAULT_LEVEL)) {
                words.addAll(List.of("level", s.level()));
            }
            out.line("stats", words.toArray(String[]::new));
        });
        out.outdent();
    }

    /** 3.1 / 4.2 "log &lt;address&gt; &lt;facility&gt; [&lt;level&gt;]". */
    static void logTarget(LogTarget target, ConfigText out) {
        if (target.address().equals("global")) {
            throw new IllegalArgumentException("haproxy.cfg cannot write a log target at address 'global':"
                    + " 'log global' means the global section's targets (configuration.txt 4.2 \"log\")");
        }
        if (target.level().isPresent()) {
            out.line("log", target.address(), target.facility(), target.level().get());
        } else {
            out.line("log", target.address(), target.facility());
        }
    }

    /**
     * 4.2 "log global", the proxy's own targets, "option tcplog|httplog" or "log-format", the header
     * captures, "option dontlognull".
     */
    static void log(LogSettings log, ConfigText out) {
        if (log.global()) {
            out.line("log", "global");
        }
        log.targets().forEach(t -> logTarget(t, out));
        if (log.format() == LogFormat.TCP) {
            out.line("option", "tcplog");
        } else if (log.format() == LogFormat.HTTP) {
            out.line("option", "httplog");
        }
        log.custom().ifPresent(custom -> out.line("log-format", custom.source()));
        log.requestCaptures().forEach(c -> out.line("capture", "request", "header", c.name(), "len",
                Integer.toString(c.length())));
        log.responseCaptures().forEach(c -> out.line("capture", "response", "header", c.name(), "len",
                Integer.toString(c.length())));
        if (log.dontLogNull()) {
            out.line("option", "dontlognull");
        }
    }

    /** 4.2 "timeout ...", in the order of {@link Timeouts}' components; unset ones are left out. */
    static void timeouts(Timeouts t, ConfigText out) {
        timeout("client", t.client(), out);
        timeout("server", t.server(), out);
        timeout("connect", t.connect(), out);
        timeout("http-request", t.httpRequest(), out);
        timeout("http-keep-alive", t.httpKeepAlive(), out);
        timeout("queue", t.queue(), out);
        timeout("tunnel", t.tunnel(), out);
        timeout("check", t.check(), out);
    }

    private static void timeout(String name, Optional<Duration> value, ConfigText out) {
        value.ifPresent(v -> out.line("timeout", name, HaproxyWords.time(v)));
    }
}
