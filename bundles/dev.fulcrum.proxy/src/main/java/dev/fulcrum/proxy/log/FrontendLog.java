package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogSink;
import dev.fulcrum.syslog.SyslogSinks;
import dev.fulcrum.syslog.logformat.ConnectLogFormatter;
import dev.fulcrum.syslog.logformat.HttpLogFormatter;
import dev.fulcrum.syslog.logformat.LogFacts;
import dev.fulcrum.syslog.logformat.TcpLogFormatter;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Where one frontend's revision sends its traffic logs and in which format (configuration.txt 4.2
 * "log", "option httplog", "option tcplog", "option dontlognull"). Lines go out at level info, the
 * level HAProxy gives traffic logs, tagged "haproxy" with this process's id; each sink drops rather
 * than waits, so this runs on the event loop.
 */
public final class FrontendLog {

    /** No target: nothing is logged and nothing is measured. */
    public static final FrontendLog NONE = new FrontendLog("-", Mode.TCP, LogSettings.NONE, List.of(),
            InstantSource.system(), ZoneId.systemDefault(), () -> 0);

    private static final long PID = ProcessHandle.current().pid();

    private final String frontend;
    private final LogFormat format;
    private final boolean dontLogNull;
    private final List<SyslogSink> sinks;
    private final InstantSource clock;
    private final IntSupplier activeConnections;
    private final HttpLogFormatter httpFormat;
    private final TcpLogFormatter tcpFormat;

    /**
     * @param sinks             the frontend's own targets, then the global ones with {@code log global}
     * @param activeConnections {@code actconn}: the process's current client connections
     */
    public FrontendLog(String frontend, Mode mode, LogSettings settings, List<SyslogSink> sinks, InstantSource clock,
            ZoneId zone, IntSupplier activeConnections) {
        this.frontend = frontend;
        // 4.2 "option httplog": in a tcp-mode proxy HAProxy warns and falls back to tcplog.
        this.format = mode == Mode.TCP && settings.format() == LogFormat.HTTP ? LogFormat.TCP : settings.format();
        this.dontLogNull = settings.dontLogNull();
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.activeConnections = activeConnections;
        this.httpFormat = new HttpLogFormatter(zone);
        this.tcpFormat = new TcpLogFormatter(zone);
    }

    public String frontend() {
        return frontend;
    }

    /** Whether each request gets an httplog line: facts are worth collecting. */
    public boolean httpLog() {
        return !sinks.isEmpty() && format == LogFormat.HTTP;
    }

    /** Whether each connection gets a tcplog line. */
    public boolean tcpLog() {
        return !sinks.isEmpty() && format == LogFormat.TCP;
    }

    InstantSource clock() {
        return clock;
    }

    int activeConnections() {
        return activeConnections.getAsInt();
    }

    /**
     * 8.2.1 "Default log format": without httplog or tcplog, a proxy with targets logs each
     * connection when it is accepted ("Connect from ..."); dontlognull cannot apply, nothing was read yet.
     */
    public void accepted(Channel client, Mode mode) {
        if (!sinks.isEmpty() && format == LogFormat.DEFAULT) {
            send(ConnectLogFormatter.format((InetSocketAddress) client.remoteAddress(),
                    (InetSocketAddress) client.localAddress(), frontend, mode));
        }
    }

    void http(LogFacts facts) {
        if (facts.shouldLog(dontLogNull)) {
            send(httpFormat.format(facts));
        }
    }

    void tcp(LogFacts facts) {
        if (facts.shouldLog(dontLogNull)) {
            send(tcpFormat.format(facts));
        }
    }

    private void send(String line) {
        for (SyslogSink sink : sinks) {
            sink.send(Severity.INFO, SyslogSinks.DEFAULT_TAG, PID, line);
        }
    }
}
