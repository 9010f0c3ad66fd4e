package dev.fulcrum.it;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * The OSGi log entries delivered while it is open. The log service delivers entries to its
 * listeners on its own thread, in the order they were logged: once a later entry has arrived, an
 * earlier one that never arrived was not logged at all.
 */
public final class LogCapture implements LogListener, AutoCloseable {

    private final LogReaderService reader;
    private final ConcurrentLinkedQueue<LogEntry> entries = new ConcurrentLinkedQueue<>();

    private LogCapture(LogReaderService reader) {
        this.reader = reader;
    }

    public static LogCapture open(LogReaderService reader) {
        LogCapture capture = new LogCapture(reader);
        reader.addLogListener(capture);
        return capture;
    }

    @Override
    public void logged(LogEntry entry) {
        entries.add(entry);
    }

    public Optional<LogEntry> find(Predicate<LogEntry> condition) {
        return entries.stream().filter(condition).findFirst();
    }

    /** The first entry with the message, once it has arrived. */
    public LogEntry await(String message) {
        return Await.until("\"" + message + "\" reaches the OSGi log",
                () -> find(entry -> message.equals(entry.getMessage())).orElse(null));
    }

    @Override
    public void close() {
        reader.removeLogListener(this);
    }
}
