package dev.fulcrum.syslog.internal;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogService;
import dev.fulcrum.syslog.SyslogSink;
import dev.fulcrum.syslog.SyslogSinks;
import java.io.IOException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Gives out sinks and reports them as the "syslog" subsystem: targets open, lines sent and dropped. */
@Component(service = {SyslogService.class, Subsystem.class},
        property = Subsystem.NAME_PROPERTY + "=" + SyslogComponent.NAME)
public final class SyslogComponent implements SyslogService, Subsystem {

    static final String NAME = "syslog";

    private final Set<SyslogSink> open = ConcurrentHashMap.newKeySet();

    @Override
    public SyslogSink open(LogTarget target, SyslogOptions options) throws IOException {
        SyslogSink sink = SyslogSinks.open(target, options, InstantSource.system(), ZoneId.systemDefault(), open::remove);
        open.add(sink);
        return sink;
    }

    @Override
    public SubsystemStatus status() {
        List<SyslogSink> sinks = List.copyOf(open);
        long sent = sinks.stream().mapToLong(SyslogSink::sent).sum();
        long dropped = sinks.stream().mapToLong(SyslogSink::dropped).sum();
        String reason = sinks.size() + " log target(s) open, " + sent + " line(s) sent, " + dropped + " dropped"
                + sinks.stream().filter(s -> s.lastError().isPresent()).findFirst()
                        .map(s -> " (last: " + s.lastError().get() + ")").orElse("");
        return SubsystemStatus.active(NAME, reason);
    }

    /** The proxy closes its sinks on reconfiguration; whatever is still open goes with the bundle. */
    @Deactivate
    void closeAll() {
        List.copyOf(open).forEach(SyslogSink::close);
    }
}
