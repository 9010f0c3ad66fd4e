package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.RevisionInfo;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import dev.fulcrum.api.reconcile.UnknownRevisionException;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.it.reconciler.RecordingReconciler;
import dev.fulcrum.it.refusing.RefusingReconciler;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The reconciler contract on Felix with the image's bundles: revisions applied through the
 * ConfigurationService reach a test subsystem hot-deployed late (catch-up), then every new current
 * revision including a rollback; a refusing subsystem is reported per revision and degrades "config".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReconcileIT {

    private static final String STAGED = "fulcrum.it.staged";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationService configuration;

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fulcrum-reconcile-");
        Path staged = work.resolve("staged");
        TestBundles.buildReconcilers(staged);
        return new Option[] {
            ImageOptions.image(work),
            frameworkProperty(STAGED).value(staged.toString()),
        };
    }

    @Test
    public void revisionsReachALateSubsystemThenEveryNewCurrentOneAndFailuresAreReported() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        // The image's own reconcilers (ipvs, vrrp; the proxy once dev.fulcrum.sched's registry is there)
        // count too: wait for them, then count on top of them.
        for (String name : List.of("ipvs", "vrrp", "proxy")) {
            Await.until("the image's " + name + " subsystem is registered", () -> IpvsIT.subsystem(probe, name));
        }
        int image = context.getServiceReferences(Reconciler.class, null).size();
        Revision first = configuration.apply(DesiredState.EMPTY, "first");
        assertEquals(1, first.number());
        awaitConfig(probe, SubsystemState.ACTIVE, 1, "revision 1 current, " + image + " reconciler(s)");

        Path recorder = TestBundles.moveIn(staged(TestBundles.RECORDER), deployDirectory());
        awaitReceived(List.of(1L));
        awaitApplied(RecordingReconciler.NAME, 1);

        Revision second = configuration.apply(DesiredState.EMPTY, "second");
        assertEquals(2, second.number());
        awaitReceived(List.of(1L, 2L));
        awaitApplied(RecordingReconciler.NAME, 2);
        awaitConfig(probe, SubsystemState.ACTIVE, 2, "revision 2 current, " + (image + 1) + " reconciler(s)");

        Revision back = configuration.rollback(1);
        assertEquals(1, back.number());
        assertEquals("first", back.comment());
        assertEquals(1, configuration.current().orElseThrow().number());
        awaitReceived(List.of(1L, 2L, 1L));
        awaitApplied(RecordingReconciler.NAME, 1);
        assertEquals(List.of(new RevisionInfo(2, second.created(), "second", false),
                new RevisionInfo(1, first.created(), "first", true)), configuration.history());
        try {
            configuration.rollback(99);
            fail("rolled back to a revision that was never stored");
        } catch (UnknownRevisionException expected) {
            assertEquals(99, expected.number());
        }
        assertEquals("an unknown rollback changes nothing", 1, configuration.current().orElseThrow().number());
        String revisions = probe.shell("fulcrum:revisions");
        assertTrue(revisions, revisions.lines().anyMatch(line -> line.startsWith("* 1 ") && line.endsWith("first")));
        assertTrue(revisions, revisions.lines().anyMatch(line -> line.startsWith("  2 ") && line.endsWith("second")));
        assertTrue(revisions, revisions.contains(RecordingReconciler.NAME + ": revision 1 applied"));
        String unknown = probe.shell("fulcrum:rollback 99");
        assertTrue(unknown, unknown.startsWith("revision 99 does not exist"));

        Path refusing = TestBundles.moveIn(staged(TestBundles.REFUSING), deployDirectory());
        SubsystemRevision refused = Await.until("the refusing subsystem reports revision 1 failed",
                () -> failedAt(RefusingReconciler.NAME, 1));
        assertEquals(RefusingReconciler.CODE, refused.errors().get(0).code());
        assertEquals("it-refusing refuses revision 1", refused.errors().get(0).message());
        SubsystemStatus degraded = awaitConfig(probe, SubsystemState.DEGRADED, 1, RefusingReconciler.NAME);
        assertFalse(degraded.reason(), degraded.reason().contains(RecordingReconciler.NAME));

        Revision third = configuration.apply(DesiredState.EMPTY, "third");
        awaitReceived(List.of(1L, 2L, 1L, third.number()));
        awaitApplied(RecordingReconciler.NAME, third.number());
        Await.until("the refusing subsystem reports revision 3 failed", () -> failedAt(RefusingReconciler.NAME, 3));
        awaitConfig(probe, SubsystemState.DEGRADED, 3, RefusingReconciler.NAME);

        assertTrue(probe.shell("fulcrum:revisions").contains(RefusingReconciler.NAME + ": revision 3 FAILED"));

        String rolledBack = probe.shell("fulcrum:rollback 2");
        assertEquals("revision 2 is current (second)\n", rolledBack);
        awaitReceived(List.of(1L, 2L, 1L, third.number(), 2L));
        Await.until("the refusing subsystem reports revision 2 failed", () -> failedAt(RefusingReconciler.NAME, 2));

        Files.delete(refusing);
        awaitConfig(probe, SubsystemState.ACTIVE, 2, "revision 2 current, " + (image + 1) + " reconciler(s)");
        assertFalse(configuration.appliedBySubsystem().containsKey(RefusingReconciler.NAME));
        Files.delete(recorder);
        Await.until("the recorder is gone", () -> !configuration.appliedBySubsystem().containsKey(RecordingReconciler.NAME));
        assertTrue(probe.shell("fulcrum:status").lines().anyMatch(line -> line.startsWith("config") && line.contains("ACTIVE")));
    }

    private Path deployDirectory() {
        return Path.of(context.getProperty("fulcrum.deploy.dir"));
    }

    private Path staged(String symbolicName) {
        return TestBundles.jar(Path.of(context.getProperty(STAGED)), symbolicName, "1.0.0");
    }

    private void awaitReceived(List<Long> expected) {
        Await.until("the recorder received " + expected, () -> expected.equals(received()));
    }

    private void awaitApplied(String subsystem, long revision) {
        SubsystemRevision expected = new SubsystemRevision(subsystem, revision, true, List.of());
        Await.until(subsystem + " reports revision " + revision + " applied",
                () -> expected.equals(configuration.appliedBySubsystem().get(subsystem)));
    }

    private SubsystemRevision failedAt(String subsystem, long revision) {
        SubsystemRevision result = configuration.appliedBySubsystem().get(subsystem);
        return result != null && result.revision() == revision && !result.applied() ? result : null;
    }

    private SubsystemStatus awaitConfig(FrameworkProbe probe, SubsystemState state, long revision, String reasonPart) {
        return Await.until("config is " + state + " at revision " + revision + " mentioning '" + reasonPart + "'", () -> {
            SubsystemStatus status;
            try {
                status = probe.subsystem("config");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
            return status != null && status.state() == state && status.appliedRevision() == revision
                    && status.reason().contains(reasonPart) ? status : null;
        });
    }

    /** What the recorder has received, or null while it is not there. */
    private List<Long> received() {
        return new FrameworkProbe(context).supplied(RecordingReconciler.NAME);
    }
}
