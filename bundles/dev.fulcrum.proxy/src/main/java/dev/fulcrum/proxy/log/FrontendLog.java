package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogSink;
import dev.fulcrum.syslog.SyslogSinks;
import dev.fulcrum.syslog.logformat.ConnectLogFormatter;
import dev.fulcrum.syslog.logformat.CustomLogFormatter;
import dev.fulcrum.syslog.logformat.HttpLogFormatter;
import dev.fulcrum.syslog.logformat.LogFacts;
import dev.fulcrum.syslog.logformat.SessionDetails;
import dev.fulcrum.syslog.logformat.TcpLogFormatter;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Where one frontend's revision sends its traffic logs and in which format (configuration.txt 4.2
 * "log", "option httplog", "option tcplog", "log-format", "option dontlognull"). A log-format logs
 * like httplog in an http-mode frontend (a line per request) and like tcplog in a tcp-mode one (a
 * line per connection). Lines go out at level info, the
 * level HAProxy gives traffic logs, tagged "haproxy" with this process's id; each sink drops rather
 * than waits, so this runs on the event loop.
 */
public final class FrontendLog {

    /** No target: nothing is logged and nothing is measured. */
    public static final FrontendLog NONE = new FrontendLog("-", Mode.TCP, LogSettings.NONE, List.of(),
            InstantSource.system(), ZoneId.systemDefault(), () -> 0);

    private static final long PID = ProcessHandle.current().pid();

    private final String frontend;
    private final Mode mode;
    private final LogFormat format;
    private final boolean dontLogNull;
    private final List<SyslogSink> sinks;
    private final InstantSource clock;
    private final IntSupplier activeConnections;
    private final HttpLogFormatter httpFormat;
    private final TcpLogFormatter tcpFormat;
    private final Optional<CustomLogFormatter> customFormat;
    private final LongSupplier requestIds;
    private final List<HeaderCapture> requestCaptures;
    private final List<HeaderCapture> responseCaptures;
    /** %lc: this frontend's lines so far (a new revision starts again from 0). */
    private final AtomicLong lines = new AtomicLong();

    /**
     * @param sinks             the frontend's own targets, then the global ones with {@code log global}
     * @param activeConnections {@code actconn}: the process's current client connections
     */
    public FrontendLog(String frontend, Mode mode, LogSettings settings, List<SyslogSink> sinks, InstantSource clock,
            ZoneId zone, IntSupplier activeConnections) {
        this(frontend, mode, settings, sinks, clock, zone, activeConnections, "localhost", new AtomicLong()::getAndIncrement);
    }

    /**
     * @param hostname   {@code %H}
     * @param requestIds {@code %rt}: the process's next request (or tcp connection) number
     */
    public FrontendLog(String frontend, Mode mode, LogSettings settings, List<SyslogSink> sinks, InstantSource clock,
            ZoneId zone, IntSupplier activeConnections, String hostname, LongSupplier requestIds) {
        this.frontend = frontend;
        this.mode = mode;
        // 4.2 "option httplog": in a tcp-mode proxy HAProxy warns and falls back to tcplog.
        this.format = mode == Mode.TCP && settings.format() == LogFormat.HTTP ? LogFormat.TCP : settings.format();
        this.dontLogNull = settings.dontLogNull();
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.activeConnections = activeConnections;
        this.httpFormat = new HttpLogFormatter(zone);
        this.tcpFormat = new TcpLogFormatter(zone);
        this.customFormat = settings.custom().map(custom -> new CustomLogFormatter(custom, mode == Mode.HTTP, zone,
                hostname, PID));
        this.requestIds = requestIds;
        this.requestCaptures = settings.requestCaptures();
        this.responseCaptures = settings.responseCaptures();
    }

    public String frontend() {
        return frontend;
    }

    /** Whether each request gets an httplog or log-format line: facts are worth collecting. */
    public boolean httpLog() {
        return !sinks.isEmpty() && (format == LogFormat.HTTP || format == LogFormat.CUSTOM && mode == Mode.HTTP);
    }

    /** Whether each connection gets a tcplog or log-format line. */
    public boolean tcpLog() {
        return !sinks.isEmpty() && (format == LogFormat.TCP || format == LogFormat.CUSTOM && mode == Mode.TCP);
    }

    /** 4.2 "capture request header": in file order. */
    List<HeaderCapture> requestCaptures() {
        return requestCaptures;
    }

    /** 4.2 "capture response header": in file order. */
    List<HeaderCapture> responseCaptures() {
        return responseCaptures;
    }

    /** {@code %rt} of a new request or connection. */
    long nextRequestId() {
        return requestIds.getAsLong();
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

    /** @param details the log-format's extra facts for a %lc, built only when a log-format needs them */
    void http(LogFacts facts, LongFunction<SessionDetails> details) {
        if (facts.shouldLog(dontLogNull)) {
            send(customFormat.isPresent() ? custom(facts, details) : httpFormat.format(facts));
        }
    }

    /** @param details as for {@link #http} */
    void tcp(LogFacts facts, LongFunction<SessionDetails> details) {
        if (facts.shouldLog(dontLogNull)) {
            send(customFormat.isPresent() ? custom(facts, details) : tcpFormat.format(facts));
        }
    }

    private String custom(LogFacts facts, LongFunction<SessionDetails> details) {
        return customFormat.get().format(facts, details.apply(lines.getAndIncrement()));
    }

    private void send(String line) {
        for (SyslogSink sink : sinks) {
            sink.send(Severity.INFO, SyslogSinks.DEFAULT_TAG, PID, line);
        }
    }
}
