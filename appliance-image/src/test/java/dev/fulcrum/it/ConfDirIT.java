package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.fulcrum.api.config.ModelCodec;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.it.reconciler.RecordingReconciler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The configuration directory is applied: a haproxy.cfg written into it becomes a revision that
 * reaches a test reconciler; a broken one is rejected (the revision stays, "config" is DEGRADED
 * naming the file, fulcrum:apply prints every problem); fixing it makes the next revision.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfDirIT {

    private static final String STAGED = "fulcrum.it.staged";
    private static final String PROBE_PID = "dev.fulcrum.it.probe";

    private static final String HAPROXY = """
            defaults
                mode http
                timeout connect 5s
                timeout client 30s
                timeout server 30s

            frontend web
                bind 127.0.0.1:8080
                default_backend app

            backend app
                server a1 127.0.0.1:9001 check
            """;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationService configuration;

    @Inject
    private ModelCodec codec;

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fulcrum-confdir-");
        Path staged = work.resolve("staged");
        TestBundles.buildReconcilers(staged);
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve(PROBE_PID + ".cfg"), "probe = yes\n");
        String filter = "felix.fileinstall.filter";
        return new Option[] {
            ImageOptions.image(work),
            frameworkProperty("fulcrum.conf.dir").value(conf.toString()),
            // As the launcher runs it: FileInstall feeds ConfigAdmin from the same directory.
            frameworkProperty("felix.fileinstall.dir").value(conf.toString()),
            frameworkProperty(filter).value(ImageOptions.launcherProperty(filter)),
            frameworkProperty("felix.fileinstall.poll").value("250"),
            frameworkProperty(STAGED).value(staged.toString()),
        };
    }

    @Test
    public void writtenFilesBecomeRevisionsBrokenOnesAreRejectedUntilFixed() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        Path conf = Path.of(context.getProperty("fulcrum.conf.dir"));
        assertEquals("an empty directory on a fresh box stores nothing",
                "configuration directory unchanged\n", probe.shell("fulcrum:apply"));

        TestBundles.moveIn(TestBundles.jar(Path.of(context.getProperty(STAGED)), TestBundles.RECORDER, "1.0.0"),
                Path.of(context.getProperty("fulcrum.deploy.dir")));
        Await.until("the recorder is there", () -> probe.<List<Long>>supplied(RecordingReconciler.NAME));

        write(conf, HAPROXY);
        Revision first = Await.until("haproxy.cfg becomes revision 1", () -> currentNumbered(1));
        assertEquals("app", first.state().proxy().backends().get(0).name());
        assertEquals("configuration directory: haproxy.cfg changed", first.comment());
        Await.until("the recorder got revision 1", () -> List.of(1L).equals(received(probe)) ? true : null);
        awaitConfig(probe, SubsystemState.ACTIVE, "revision 1 current");

        write(conf, HAPROXY.replace("127.0.0.1:9001", "127.0.0.1:99999"));
        String haproxy = conf.resolve("haproxy.cfg").toString();
        SubsystemStatus degraded = awaitConfig(probe, SubsystemState.DEGRADED, haproxy + " rejected");
        assertEquals("revision 1 current; " + haproxy + " rejected: 1 error; revision 1 stays current", degraded.reason());
        String report = probe.shell("fulcrum:apply");
        assertTrue(report, report.startsWith(haproxy + ":12:"));
        assertTrue(report, report.endsWith(haproxy + " rejected: 1 error; revision 1 stays current\n"));
        assertEquals(1, configuration.current().orElseThrow().number());

        write(conf, HAPROXY.replace("127.0.0.1:9001", "127.0.0.1:9002"));
        Revision second = Await.until("the fixed haproxy.cfg becomes revision 2", () -> currentNumbered(2));
        assertEquals(9002, second.state().proxy().backends().get(0).servers().get(0).port());
        Await.until("the recorder got revision 2", () -> List.of(1L, 2L).equals(received(probe)) ? true : null);
        awaitConfig(probe, SubsystemState.ACTIVE, "revision 2 current");
        assertEquals("configuration directory unchanged (revision 2)\n", probe.shell("fulcrum:apply"));

        // FileInstall shares the directory: it took the probe's .cfg, and left haproxy.cfg alone.
        Await.until("FileInstall configured " + PROBE_PID, () -> configurations("(service.pid=" + PROBE_PID + ")"));
        assertNull("haproxy.cfg is no ConfigAdmin configuration", configurations("(service.pid=haproxy)"));

        // The REST bundle's view of the same state: the JSON service reads back what it writes.
        DesiredState read = codec.fromJson(codec.toJson(second.state()), "it");
        assertEquals(second.state(), read);
    }

    /** As an admin's editor or mv does: a complete file replaces the old one. */
    private static void write(Path conf, String text) throws Exception {
        Path temporary = Files.writeString(conf.resolve(".haproxy.cfg.tmp"), text);
        Files.move(temporary, conf.resolve("haproxy.cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private org.osgi.service.cm.Configuration[] configurations(String filter) {
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        try {
            return context.getService(reference).listConfigurations(filter);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            context.ungetService(reference);
        }
    }

    private Revision currentNumbered(long number) {
        return configuration.current().filter(revision -> revision.number() == number).orElse(null);
    }

    private static List<Long> received(FrameworkProbe probe) {
        return probe.supplied(RecordingReconciler.NAME);
    }

    private static SubsystemStatus awaitConfig(FrameworkProbe probe, SubsystemState state, String reasonPart) {
        return Await.until("config is " + state + " mentioning '" + reasonPart + "'", () -> {
            try {
                SubsystemStatus status = probe.subsystem("config");
                return status != null && status.state() == state && status.reason().contains(reasonPart) ? status : null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }
}
