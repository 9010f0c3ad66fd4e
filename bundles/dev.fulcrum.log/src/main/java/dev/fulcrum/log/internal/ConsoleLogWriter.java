package dev.fulcrum.log.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints the OSGi log to standard output, which systemd hands to journald. Entries logged before
 * this component started are kept by the log service (org.apache.felix.log.maxSize) and printed
 * first, so nothing from early start-up is lost.
 */
@Component(service = {})
public final class ConsoleLogWriter implements LogListener {

    private final LogReaderService reader;
    private final PrintStream out = System.out;
    private final LogLineFormat format = new LogLineFormat(ZoneId.systemDefault());

    @Activate
    public ConsoleLogWriter(@Reference LogReaderService reader) {
        this.reader = reader;
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
        String line = format.format(entry.getTime(), entry.getLogLevel(), source(entry),
                entry.getMessage(), entry.getException());
        synchronized (out) {
            out.println(line);
        }
    }

    private static String source(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        if (bundle == null || bundle.getSymbolicName() == null) {
            return entry.getLoggerName();
        }
        return bundle.getSymbolicName();
    }

    private static Enumeration<LogEntry> earlierEntries(LogReaderService reader) {
        Enumeration<LogEntry> log = reader.getLog();
        return log == null ? Collections.enumeration(new ArrayList<>()) : log;
    }
}
