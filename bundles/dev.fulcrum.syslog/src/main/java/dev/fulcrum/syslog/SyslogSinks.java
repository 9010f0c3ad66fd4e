package dev.fulcrum.syslog;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.syslog.internal.DatagramSyslogSink;
import dev.fulcrum.syslog.internal.DatagramTransport;
import dev.fulcrum.syslog.internal.UdpTransport;
import dev.fulcrum.syslog.internal.UnixDatagramTransport;
import java.io.IOException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.function.Consumer;

/** Opens sinks for the model's {@link LogTarget}s. */
public final class SyslogSinks {

    /** HAProxy's default {@code log-tag}: the program name (configuration.txt 3.1 "log-tag"). */
    public static final String DEFAULT_TAG = "haproxy";

    private SyslogSinks() {
    }

    /** A sink stamping lines with the system clock in the system time zone, as HAProxy does. */
    public static SyslogSink open(LogTarget target, SyslogOptions options) throws IOException {
        return open(target, options, InstantSource.system(), ZoneId.systemDefault());
    }

    /**
     * @throws IOException              when the socket cannot be created or a host name does not resolve
     * @throws IllegalArgumentException when the address is not a supported log address
     */
    public static SyslogSink open(LogTarget target, SyslogOptions options, InstantSource clock, ZoneId zone)
            throws IOException {
        return open(target, options, clock, zone, sink -> { });
    }

    /** As above; {@code onClose} learns when the sink is closed (the syslog service forgets it then). */
    public static SyslogSink open(LogTarget target, SyslogOptions options, InstantSource clock, ZoneId zone,
            Consumer<SyslogSink> onClose) throws IOException {
        SyslogAddress address = SyslogAddress.parse(target.address());
        DatagramTransport transport = address instanceof SyslogAddress.Unix unix
                ? UnixDatagramTransport.open(unix.path())
                : UdpTransport.open((SyslogAddress.Udp) address);
        Severity max = target.level().map(Severity::fromKeyword).orElse(Severity.DEBUG);
        return new DatagramSyslogSink(target.address(), Facility.fromKeyword(target.facility()), max, options, clock,
                zone, transport, onClose);
    }
}
