package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
import org.osgi.framework.Version;

/**
 * Upgrading one function of the image while the appliance runs: a higher version of an image
 * bundle dropped into deploy/ replaces it in place, and removing the jar brings the image's
 * version back. The deployer can upgrade (and revert) even itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FunctionUpgradeIT {

    private static final String STAGED = "fulcrum.it.staged";
    private static final String CONSOLE = "dev.fulcrum.console";
    private static final String DEPLOY = "dev.fulcrum.deploy";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fulcrum-upgrade-");
        Path staged = work.resolve("staged");
        TestBundles.buildAll(staged);
        Path bundles = Path.of(System.getProperty("fulcrum.test.app")).resolve("bundles");
        for (String name : new String[] {CONSOLE, DEPLOY}) {
            TestBundles.rebadged(imageJar(bundles, name), "9.0.0", staged);
        }
        return new Option[] {ImageOptions.image(work), frameworkProperty(STAGED).value(staged.toString())};
    }

    private static Path imageJar(Path bundles, String symbolicName) throws Exception {
        try (Stream<Path> jars = Files.list(bundles)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(symbolicName + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + symbolicName + " in " + bundles));
        }
    }

    private Path deploy(String symbolicName, String version) throws Exception {
        Path staged = TestBundles.jar(Path.of(context.getProperty(STAGED)), symbolicName, version);
        return TestBundles.moveIn(staged, Path.of(context.getProperty("fulcrum.deploy.dir")));
    }

    @Test
    public void anImageBundleIsUpgradedInPlaceAndRevertedWhenItsJarLeaves() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        Bundle console = probe.bundle(CONSOLE).orElseThrow();
        Version imageVersion = console.getVersion();

        Path upgrade = deploy(CONSOLE, "9.0.0");
        Await.until("the console runs 9.0.0", () -> console.getVersion().equals(new Version(9, 0, 0))
                && console.getState() == Bundle.ACTIVE);
        assertEquals("updated in place", 1, probe.count(CONSOLE));
        String bundles = Await.until("the upgraded console answers", () -> shell(probe, "fulcrum:bundles"));
        assertTrue(bundles, bundles.lines().anyMatch(line -> line.contains(CONSOLE) && line.contains("9.0.0")
                && line.endsWith("deploy/" + upgrade.getFileName() + " (replaces image)")));

        Files.delete(upgrade);
        Await.until("the console is back at the image's version", () -> console.getVersion().equals(imageVersion)
                && console.getState() == Bundle.ACTIVE);
        String after = Await.until("the reverted console answers", () -> shell(probe, "fulcrum:bundles"));
        assertTrue(after, after.lines().anyMatch(line -> line.contains(CONSOLE) && line.endsWith("image")));
    }

    @Test
    public void theDeployerUpgradesItselfAndKeepsDeploying() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        Bundle deployer = probe.bundle(DEPLOY).orElseThrow();
        Version imageVersion = deployer.getVersion();

        Path upgrade = deploy(DEPLOY, "9.0.0");
        Await.until("the deployer runs 9.0.0", () -> deployer.getVersion().equals(new Version(9, 0, 0))
                && deployer.getState() == Bundle.ACTIVE);
        SubsystemStatus status = Await.until("the new deployer reports", () -> active(probe));
        assertTrue(status.reason(), status.reason().contains("1 bundle(s) deployed"));

        Path greeter = deploy(TestBundles.GREETER, "1.0.0");
        Await.until("the upgraded deployer installs a bundle", () -> "greeter 1.0.0".equals(probe.call("greeter")));

        Files.delete(greeter);
        Files.delete(upgrade);
        Await.until("the deployer reverted itself to the image's version", () ->
                deployer.getVersion().equals(imageVersion) && deployer.getState() == Bundle.ACTIVE);
        Await.until("the greeter is gone", () -> probe.count(TestBundles.GREETER) == 0);
        Await.until("the reverted deployer reports ACTIVE", () -> active(probe));
    }

    private static SubsystemStatus active(FrameworkProbe probe) {
        try {
            SubsystemStatus status = probe.subsystem("deploy");
            return status != null && status.state() == SubsystemState.ACTIVE ? status : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String shell(FrameworkProbe probe, String command) {
        try {
            String output = probe.shell(command);
            return output.isBlank() ? null : output;
        } catch (Exception e) {
            return null; // the command's bundle is being updated: ask again
        }
    }
}
