package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.proxy.log.LogFixtures.ManualClock;
import dev.fulcrum.proxy.log.LogFixtures.RecordingSink;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.syslog.SyslogService;
import dev.fulcrum.syslog.SyslogSink;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which sinks each frontend of a revision gets, and when they are opened and closed. */
class LogTargetsTest {

    private static final LogTarget GLOBAL = new LogTarget("127.0.0.1:514", "local0", Optional.empty());
    private static final LogTarget OWN = new LogTarget("/dev/log", "local1", Optional.of("notice"));

    /** A syslog service that hands out recording sinks and remembers what it opened. */
    private static final class FakeService implements SyslogService {
        final Map<LogTarget, RecordingSink> opened = new HashMap<>();
        final List<LogTarget> opens = new ArrayList<>();

        @Override
        public SyslogSink open(LogTarget target, dev.fulcrum.syslog.SyslogOptions options) throws IOException {
            if (target.address().equals("unresolvable.invalid")) {
                throw new IOException("unresolvable.invalid: Name or service not known");
            }
            opens.add(target);
            RecordingSink sink = new RecordingSink();
            opened.put(target, sink);
            return sink;
        }
    }

    private final FakeService service = new FakeService();
    private final LogTargets targets = new LogTargets(new ManualClock(), ZoneOffset.UTC, () -> 0);

    private static Frontend frontend(String name, Mode mode, LogSettings log) {
        return new Frontend(name, List.of(Models.bind("127.0.0.1", 8080)), mode, Models.timeouts(null, null, null), 0,
                List.of(), List.of(), Optional.empty(), log, ProxyOptions.DEFAULT);
    }

    private static ProxyConfig config(Frontend... frontends) {
        ProxyGlobal global = new ProxyGlobal(List.of(GLOBAL), 2000, Optional.empty(), Optional.empty(), false,
                Optional.empty(), OptionalInt.empty(), Optional.empty());
        return new ProxyConfig(global, List.of(frontends), List.of());
    }

    @Test
    void withoutAServiceNothingLogsAndNothingFails() {
        List<ReconcileError> errors = new ArrayList<>();
        Map<String, FrontendLog> logs = targets.open(config(frontend("fe", Mode.HTTP,
                new LogSettings(true, List.of(OWN), LogFormat.HTTP, false))), errors);
        assertEquals(List.of(), errors);
        assertFalse(logs.get("fe").httpLog());
    }

    @Test
    void logGlobalAddsTheGlobalTargetsAndATargetIsOpenedOnce() {
        targets.service(Optional.of(service));
        List<ReconcileError> errors = new ArrayList<>();
        Map<String, FrontendLog> logs = targets.open(config(
                frontend("web", Mode.HTTP, new LogSettings(true, List.of(OWN), LogFormat.HTTP, false)),
                frontend("db", Mode.TCP, new LogSettings(true, List.of(), LogFormat.TCP, false)),
                frontend("quiet", Mode.HTTP, new LogSettings(false, List.of(), LogFormat.HTTP, false))), errors);
        assertEquals(List.of(), errors);
        assertEquals(2, service.opens.size(), "one sink per distinct log line: " + service.opens);
        assertTrue(logs.get("web").httpLog());
        assertTrue(logs.get("db").tcpLog());
        assertFalse(logs.get("quiet").httpLog(), "no log line, no log global: nothing to log to");
    }

    @Test
    void httplogInATcpFrontendFallsBackToTcplog() {
        targets.service(Optional.of(service));
        Map<String, FrontendLog> logs = targets.open(config(frontend("db", Mode.TCP,
                new LogSettings(true, List.of(), LogFormat.HTTP, false))), new ArrayList<>());
        assertTrue(logs.get("db").tcpLog());
        assertFalse(logs.get("db").httpLog());
    }

    @Test
    void aTargetThatStaysKeepsItsSinkAndARemovedOneIsClosed() {
        targets.service(Optional.of(service));
        ProxyConfig first = config(frontend("web", Mode.HTTP, new LogSettings(true, List.of(OWN), LogFormat.HTTP, false)));
        targets.open(first, new ArrayList<>());
        targets.retainOnly(Optional.of(first));

        ProxyConfig second = config(frontend("web", Mode.HTTP, new LogSettings(true, List.of(), LogFormat.HTTP, false)));
        targets.open(second, new ArrayList<>());
        targets.retainOnly(Optional.of(second));

        assertEquals(2, service.opens.size(), "the global target was not opened again");
        assertTrue(service.opened.get(OWN).closed, "the frontend's own target left with the first revision");
        assertFalse(service.opened.get(GLOBAL).closed);

        targets.close();
        assertTrue(service.opened.get(GLOBAL).closed);
    }

    @Test
    void aTargetThatCannotBeOpenedIsAnErrorOfTheRevision() {
        targets.service(Optional.of(service));
        LogTarget bad = new LogTarget("unresolvable.invalid", "local0", Optional.empty());
        List<ReconcileError> errors = new ArrayList<>();
        targets.open(config(frontend("web", Mode.HTTP, new LogSettings(false, List.of(bad), LogFormat.HTTP, false))),
                errors);
        assertEquals(1, errors.size());
        assertEquals("proxy.log", errors.get(0).code());
        assertEquals("frontend 'web': log unresolvable.invalid: unresolvable.invalid: Name or service not known",
                errors.get(0).message());
    }
}
