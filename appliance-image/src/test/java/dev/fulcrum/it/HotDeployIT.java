package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Hot deploy on Felix with the appliance image's own bundles (Pax Exam, native container):
 * install, upgrade in place, removal, and broken bundles that must not hurt anything else.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

    private static final String STAGED = "fulcrum.it.staged";

    @Inject
    private BundleContext context;

    @Inject
    private LogReaderService logReader;

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fulcrum-hotdeploy-");
        Path staged = work.resolve("staged");
        TestBundles.buildAll(staged);
        return new Option[] {
            ImageOptions.image(work),
            frameworkProperty(STAGED).value(staged.toString()),
        };
    }

    private Path deployDirectory() {
        return Path.of(context.getProperty("fulcrum.deploy.dir"));
    }

    private Path staged(String symbolicName, String version) {
        return TestBundles.jar(Path.of(context.getProperty(STAGED)), symbolicName, version);
    }

    @Test
    public void aDeployedBundleIsInstalledUpgradedInPlaceAndRemoved() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        // A service of this test: it would vanish if the framework restarted during the upgrade.
        ServiceRegistration<Object> marker = context.registerService(Object.class, new Object(),
                new java.util.Hashtable<>(Map.of("fulcrum.it", "marker")));
        try {
            Path v1 = TestBundles.moveIn(staged(TestBundles.GREETER, "1.0.0"), deployDirectory());
            Await.until("greeter 1.0.0 answers", () -> "greeter 1.0.0".equals(probe.call("greeter")));
            long bundleId = probe.bundle(TestBundles.GREETER).orElseThrow().getBundleId();

            Path v2 = TestBundles.moveIn(staged(TestBundles.GREETER, "2.0.0"), deployDirectory());
            Await.until("greeter 2.0.0 answers", () -> "greeter 2.0.0".equals(probe.call("greeter")));
            assertEquals("upgraded in place, not installed beside", bundleId,
                    probe.bundle(TestBundles.GREETER).orElseThrow().getBundleId());
            assertEquals(1, probe.count(TestBundles.GREETER));
            assertNotNull("the framework kept running", marker.getReference());
            assertTrue(probe.shell("fulcrum:bundles").contains("deploy/" + v2.getFileName()));

            Files.delete(v1);
            Files.delete(v2);
            Await.until("the greeter bundle is uninstalled", () -> probe.count(TestBundles.GREETER) == 0);
            assertEquals(null, probe.call("greeter"));
        } finally {
            marker.unregister();
        }
    }

    @Test
    public void brokenBundlesAreLoggedAndHurtNoOtherBundle() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        ConcurrentLinkedQueue<LogEntry> log = new ConcurrentLinkedQueue<>();
        LogListener listener = log::add;
        logReader.addLogListener(listener);
        List<Bundle> activeBefore = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() == Bundle.ACTIVE).collect(Collectors.toList());
        try {
            Path unresolvable = TestBundles.moveIn(staged(TestBundles.UNRESOLVABLE, "1.0.0"), deployDirectory());
            Path failing = TestBundles.moveIn(staged(TestBundles.FAILING, "1.0.0"), deployDirectory());

            SubsystemStatus degraded = Await.until("the deploy subsystem reports the unresolvable bundle", () -> {
                SubsystemStatus status = status(probe);
                return status.state() == SubsystemState.DEGRADED && status.reason().contains("dev.fulcrum.it.missing")
                        ? status : null;
            });
            assertTrue(degraded.reason(), degraded.reason().contains(TestBundles.UNRESOLVABLE));
            Await.until("the activation failure is logged with its reason", () -> log.stream()
                    .anyMatch(entry -> mentions(entry, "deliberate failure in activate")));
            Await.until("the unresolvable bundle's reason is logged", () -> log.stream()
                    .anyMatch(entry -> String.valueOf(entry.getMessage()).contains("dev.fulcrum.it.missing")));

            assertEquals(Bundle.INSTALLED, probe.bundle(TestBundles.UNRESOLVABLE).orElseThrow().getState());
            assertEquals(null, probe.call("failing"));
            for (Bundle bundle : activeBefore) {
                assertEquals(bundle.getSymbolicName() + " is still active", Bundle.ACTIVE, bundle.getState());
            }
            String status = probe.shell("fulcrum:status");
            assertTrue(status, status.lines().anyMatch(line -> line.startsWith("deploy") && line.contains("DEGRADED")));
            assertTrue(status, status.lines().anyMatch(line -> line.startsWith("host")));

            Files.delete(unresolvable);
            Files.delete(failing);
            Await.until("both broken bundles are gone and deploy is ACTIVE again", () ->
                    probe.count(TestBundles.UNRESOLVABLE) + probe.count(TestBundles.FAILING) == 0
                            && status(probe).state() == SubsystemState.ACTIVE);
        } finally {
            logReader.removeLogListener(listener);
        }
    }

    @Test
    public void gogoCommandsListSubsystemsAndBundles() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        String bundles = probe.shell("fulcrum:bundles");
        assertTrue(bundles, bundles.lines().anyMatch(line -> line.contains("dev.fulcrum.api") && line.contains("ACTIVE")
                && line.endsWith("image")));
        assertTrue(bundles, bundles.lines().anyMatch(line -> line.startsWith("0 ") && line.endsWith("framework")));
        String status = probe.shell("fulcrum:status");
        assertTrue(status, status.startsWith("SUBSYSTEM"));
        assertTrue(status, status.lines().anyMatch(line -> line.startsWith("host ")));
        assertTrue(status, status.lines().anyMatch(line -> line.startsWith("deploy ")));
        List<String> inactive = Arrays.stream(context.getBundles())
                .filter(b -> b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + "@" + b.getLocation() + " state " + b.getState())
                .collect(Collectors.toList());
        assertEquals("every bundle but fragments is active", List.of(), inactive);
    }

    /** Whether the entry's message or any exception in its cause chain says the text. */
    private static boolean mentions(LogEntry entry, String text) {
        if (String.valueOf(entry.getMessage()).contains(text)) {
            return true;
        }
        for (Throwable e = entry.getException(); e != null; e = e.getCause()) {
            if (String.valueOf(e.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static SubsystemStatus status(FrameworkProbe probe) {
        try {
            return probe.subsystem("deploy");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
