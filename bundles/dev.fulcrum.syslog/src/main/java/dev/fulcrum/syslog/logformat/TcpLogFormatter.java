package dev.fulcrum.syslog.logformat;

import java.time.ZoneId;
import java.util.Objects;

/**
 * "option tcplog" (configuration.txt 8.2.2), HAProxy 2.6's exact default:
 * {@code %ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq}.
 */
public final class TcpLogFormatter {

    private final ZoneId zone;

    /** @param zone HAProxy writes dates in the local time zone */
    public TcpLogFormatter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public String format(LogFacts facts) {
        Timers t = facts.timers();
        LineBuilder line = LogFields.head(facts, facts.acceptDate(), zone)
                .space().field(t.queue()).literal('/').field(t.connect()).literal('/').field(t.total())
                .space().field(facts.bytesRead())
                .space().field(facts.termination().twoChars())
                .space();
        LogFields.counters(line, facts.connections());
        return line.toString();
    }
}
