package dev.fulcrum.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogSink;
import dev.fulcrum.testing.SystemTest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's status follows the sinks it gave out, over real unix datagram sockets. */
@SystemTest
class SyslogComponentSystemTest {

    @TempDir
    Path dir;

    @Test
    void statusCountsOpenSinksAndTheirLinesAndDeactivationClosesThem() throws Exception {
        SyslogComponent component = new SyslogComponent();
        Path path = dir.resolve("log");
        try (UnixDatagramReceiver receiver = new UnixDatagramReceiver(path.toString())) {
            SyslogSink kept = component.open(new LogTarget(path.toString(), "local0", Optional.empty()),
                    SyslogOptions.DEFAULTS);
            SyslogSink closed = component.open(new LogTarget(dir.resolve("nobody").toString(), "local0",
                    Optional.empty()), SyslogOptions.DEFAULTS);
            kept.send(Severity.INFO, "haproxy", 1, "one");
            closed.send(Severity.INFO, "haproxy", 1, "lost");
            assertEquals(SubsystemState.ACTIVE, component.status().state());
            assertTrue(component.status().reason().startsWith("2 log target(s) open, 1 line(s) sent, 1 dropped (last: "),
                    component.status().reason());
            closed.close();
            assertEquals("1 log target(s) open, 1 line(s) sent, 0 dropped", component.status().reason());
            component.closeAll();
            assertEquals("0 log target(s) open, 0 line(s) sent, 0 dropped", component.status().reason());
            assertTrue(receiver.poll().isPresent());
        }
    }
}
