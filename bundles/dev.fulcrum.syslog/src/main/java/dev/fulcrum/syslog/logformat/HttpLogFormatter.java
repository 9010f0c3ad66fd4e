package dev.fulcrum.syslog.logformat;

import java.time.ZoneId;
import java.util.Objects;

/**
 * "option httplog" (configuration.txt 8.2.3), HAProxy 2.6's exact default:
 * {@code %ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r}.
 */
public final class HttpLogFormatter {

    private final ZoneId zone;

    /** @param zone HAProxy writes dates in the local time zone */
    public HttpLogFormatter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public String format(LogFacts facts) {
        Timers t = facts.timers();
        LineBuilder line = LogFields.head(facts, facts.requestDate(), zone)
                .space().field(t.requestReceive()).literal('/').field(t.queue()).literal('/').field(t.connect())
                .literal('/').field(t.response()).literal('/').field(t.active())
                .space().field(facts.status())
                .space().field(facts.bytesRead())
                .space().field(LogFields.cookie(facts.captures().requestCookie()))
                .space().field(LogFields.cookie(facts.captures().responseCookie()))
                .space().field(facts.termination().fourChars())
                .space();
        LogFields.counters(line, facts.connections())
                .space().field(LogFields.headers(facts.captures().requestHeaders()))
                .space().field(LogFields.headers(facts.captures().responseHeaders()))
                .space().field(LogFields.requestLine(facts.requestLine().orElse("<BADREQ>")));
        return line.toString();
    }
}
