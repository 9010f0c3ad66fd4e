package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.CustomLogFormat;
import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.config.haproxy.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lines of a defaults section or a proxy have set so far, with the locations later checks
 * report. HAProxy builds a proxy the same way (configuration.txt 4: a proxy starts as a copy of its
 * defaults section, then its own lines override): {@link #copy()} a defaults' settings, then apply
 * the proxy's lines. Package-private and mutable; the model records are built from it at the end.
 */
final class ProxySettings {

    /** A use_backend rule before its references are checked: the target and the ACL words, located. */
    record Rule(Token backend, boolean unless, List<Token> acls) {
    }

    /** An acl line, located for "no such ACL" checks. */
    record LocatedAcl(Acl acl, SourceLocation location) {
    }

    /** A server line's result and where it was declared, for duplicate-name errors. */
    record LocatedServer(Server server, SourceLocation location) {
    }

    Mode mode = Mode.TCP;
    final Map<String, Duration> timeouts = new LinkedHashMap<>();
    int maxconn;
    final List<Bind> binds = new ArrayList<>();
    /** Whether a bind line was written, even one with errors (no "has no 'bind'" warning then). */
    boolean bindWritten;
    final List<LocatedAcl> acls = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    Token defaultBackend;

    boolean logGlobal;
    final List<LogTarget> logTargets = new ArrayList<>();
    LogFormat logFormat = LogFormat.DEFAULT;
    SourceLocation logFormatAt;
    /** The log-format string while {@link #logFormat} is CUSTOM: option httplog/tcplog and log-format replace each other. */
    CustomLogFormat customLogFormat;
    boolean dontLogNull;
    final List<HeaderCapture> requestCaptures = new ArrayList<>();
    final List<HeaderCapture> responseCaptures = new ArrayList<>();

    ForwardFor forwardFor;
    SourceLocation forwardForAt;
    HttpConnectionMode connectionMode = HttpConnectionMode.KEEP_ALIVE;
    SourceLocation connectionModeAt;

    Balance balance = Balance.DEFAULT;
    SourceLocation balanceAt;
    final List<LocatedServer> servers = new ArrayList<>();
    /** 4.2 "default-server": what the server lines that follow start from. */
    final ServerLine.Params serverDefaults = new ServerLine.Params();
    HttpCheck httpCheck;
    final List<HttpCheckExpect> expects = new ArrayList<>();
    SourceLocation expectsAt;
    int retries = Backend.DEFAULT_RETRIES;
    boolean redispatch;

    /** option httpchk's request line. */
    record HttpCheck(String method, String uri, String version) {
    }

    /** An independent copy: what a proxy starts from when it uses a defaults section. */
    ProxySettings copy() {
        ProxySettings c = new ProxySettings();
        c.mode = mode;
        c.timeouts.putAll(timeouts);
        c.maxconn = maxconn;
        c.binds.addAll(binds);
        c.bindWritten = bindWritten;
        c.acls.addAll(acls);
        c.rules.addAll(rules);
        c.defaultBackend = defaultBackend;
        c.logGlobal = logGlobal;
        c.logTargets.addAll(logTargets);
        c.logFormat = logFormat;
        c.logFormatAt = logFormatAt;
        c.customLogFormat = customLogFormat;
        c.requestCaptures.addAll(requestCaptures);
        c.responseCaptures.addAll(responseCaptures);
        c.dontLogNull = dontLogNull;
        c.forwardFor = forwardFor;
        c.forwardForAt = forwardForAt;
        c.connectionMode = connectionMode;
        c.connectionModeAt = connectionModeAt;
        c.balance = balance;
        c.balanceAt = balanceAt;
        c.servers.addAll(servers);
        c.serverDefaults.setAll(serverDefaults);
        c.httpCheck = httpCheck;
        c.expects.addAll(expects);
        c.expectsAt = expectsAt;
        c.retries = retries;
        c.redispatch = redispatch;
        return c;
    }
}
