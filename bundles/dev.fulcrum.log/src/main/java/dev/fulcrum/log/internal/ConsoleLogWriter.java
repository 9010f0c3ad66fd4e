package dev.fulcrum.log.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Prints the OSGi log to standard output, which systemd hands to journald. Entries logged before
 * this component started are kept by the log service (org.apache.felix.log.maxSize) and printed
 * first, so nothing from early start-up is lost. Every entry, replayed or live, is printed only if
 * the levels in force now admit it ({@link EffectiveLevels}): the log service records framework
 * events without asking the levels, and the replay would otherwise show what
 * {@link QuietFrameworkEvents} just silenced.
 */
@Component(service = {})
public final class ConsoleLogWriter implements LogListener {

    private final LogReaderService reader;
    private final EffectiveLevels levels;
    private final Bundle self;
    private final PrintStream out = System.out;
    private final LogLineFormat format = new LogLineFormat(ZoneId.systemDefault());

    /**
     * @param quiet not used here: referenced so that the appliance's default levels are set
     *              before the replay below looks at them
     */
    @Activate
    public ConsoleLogWriter(BundleContext context, @Reference LogReaderService reader, @Reference LoggerAdmin admin,
                            @Reference QuietFrameworkEvents quiet) {
        this.self = context.getBundle();
        this.reader = reader;
        this.levels = new EffectiveLevels(admin);
        List<LogEntry> earlier = Collections.list(earlierEntries(reader));
        Collections.reverse(earlier); // getLog() is newest first
        earlier.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (!levels.admits(entry)) {
            return;
        }
        String line = format.format(entry.getTime(), entry.getLogLevel(), source(entry),
                entry.getMessage(), entry.getException());
        synchronized (out) {
            out.println(line);
        }
    }

    /**
     * The bundle that logged, except for this bundle's entries: those are the records
     * {@link JulBridge} forwards, and their JUL logger name says more than the bridge's name.
     */
    private String source(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        if (bundle == null || bundle.getSymbolicName() == null || bundle.equals(self)) {
            return entry.getLoggerName();
        }
        return bundle.getSymbolicName();
    }

    private static Enumeration<LogEntry> earlierEntries(LogReaderService reader) {
        Enumeration<LogEntry> log = reader.getLog();
        return log == null ? Collections.enumeration(new ArrayList<>()) : log;
    }
}
