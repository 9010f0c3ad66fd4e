package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's logging, in a framework with the image's bundles: SLF4J and java.util.logging
 * arrive in the OSGi log, levels are set per bundle through ConfigAdmin (Log Admin PIDs), and the
 * framework's own event entries are quiet by default.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoggingIT {

    /** Felix Log's ConfigAdmin integration: this PID, then "|" and a Logger Context name. */
    private static final String LOG_ADMIN_PID = "org.osgi.service.log.admin";

    @Inject
    private BundleContext context;

    @Inject
    private LogReaderService logReader;

    @Inject
    private LoggerAdmin loggerAdmin;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-logging-"))};
    }

    @Test
    public void slf4jLoggingArrivesInTheOsgiLogUnderTheCallersBundle() {
        try (LogCapture log = LogCapture.open(logReader)) {
            assertEquals("SLF4J comes from the image's bundle", "slf4j.api",
                    FrameworkUtil.getBundle(LoggerFactory.class).getSymbolicName());
            assertEquals("SLF4J is bound to Fulcrum's provider", "dev.fulcrum.log.internal.Slf4jLoggerFactory",
                    LoggerFactory.getILoggerFactory().getClass().getName());
            LoggerFactory.getLogger(LoggingIT.class).info("hello {} from slf4j {}", "fulcrum", "{}");
            LogEntry entry = log.await("hello fulcrum from slf4j {}");
            assertEquals(context.getBundle(), entry.getBundle());
            assertEquals(LoggingIT.class.getName(), entry.getLoggerName());
        }
    }

    @Test
    public void aBundlesLevelIsConfiguredThroughConfigAdmin() throws Exception {
        Logger slf4j = LoggerFactory.getLogger(LoggingIT.class);
        String token = UUID.randomUUID().toString();
        try (LogCapture log = LogCapture.open(logReader)) {
            assertFalse("the default level is INFO", slf4j.isDebugEnabled());
            slf4j.debug("not yet {}", token);
            slf4j.info("fence {}", token);
            log.await("fence " + token);
            assertEquals("DEBUG logged before the configuration", null,
                    log.find(entry -> ("not yet " + token).equals(entry.getMessage())).orElse(null));

            org.osgi.service.cm.Configuration levels = configurationAdmin.getConfiguration(
                    LOG_ADMIN_PID + "|" + context.getBundle().getSymbolicName(), "?");
            levels.update(new Hashtable<>(Map.of("ROOT", "DEBUG")));
            try {
                Await.until("the probe bundle's Logger Context says DEBUG", slf4j::isDebugEnabled);
                slf4j.debug("now {}", token);
                LogEntry entry = log.await("now " + token);
                assertEquals(LogLevel.DEBUG, entry.getLogLevel());
                assertEquals(context.getBundle(), entry.getBundle());
            } finally {
                levels.delete();
            }
            Await.until("deleting the configuration restores INFO", () -> !slf4j.isDebugEnabled());
        }
    }

    @Test
    public void javaUtilLoggingArrivesInTheOsgiLogInsteadOfOnStderr() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        assertFalse("JUL's console handler is replaced by the bridge",
                Arrays.stream(root.getHandlers()).anyMatch(handler -> handler instanceof ConsoleHandler));
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("fulcrum.it.jul");
        try (LogCapture log = LogCapture.open(logReader)) {
            jul.info("hello from jul");
            LogEntry plain = log.await("hello from jul");
            assertEquals("fulcrum.it.jul", plain.getLoggerName());
            assertEquals(LogLevel.INFO, plain.getLogLevel());

            IllegalStateException boom = new IllegalStateException("boom");
            boom.setStackTrace(new StackTraceElement[0]); // the console prints it: keep the build log short
            jul.log(Level.SEVERE, "{0} failed", new Object[] {"fulcrum"});
            jul.log(Level.WARNING, "with an exception", boom);
            assertEquals(LogLevel.ERROR, log.await("fulcrum failed").getLogLevel());
            LogEntry warning = log.await("with an exception");
            assertEquals(LogLevel.WARN, warning.getLogLevel());
            assertSame(boom, warning.getException());
        }
    }

    @Test
    public void serviceAndBundleEventsAreQuietByDefault() {
        LoggerContext root = loggerAdmin.getLoggerContext(null);
        assertEquals(LogLevel.WARN, root.getEffectiveLogLevel("Events.Service"));
        assertEquals(LogLevel.WARN, root.getEffectiveLogLevel("Events.Bundle"));
        assertEquals("framework events keep the default level, so their ERRORs still show",
                LogLevel.INFO, root.getEffectiveLogLevel("Events.Framework"));
    }
}
