package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.it.Await;
import dev.fulcrum.it.FrameworkProbe;
import dev.fulcrum.it.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * The launcher on a persistent cache (STACK.md pitfall 6): a restart on the same state directory
 * finds the image installed once, and the hot-deployed bundle back and active.
 */
class ApplianceRestartIT {

    private static final Path APP = Path.of(System.getProperty("fulcrum.test.app", "target/fulcrum"));

    @Test
    void aRestartComesBackWithTheHotDeployedBundleAndNoDuplicates(@TempDir Path work) throws Exception {
        Directories directories = new Directories(APP, work.resolve("etc"), work.resolve("state"));
        Map<String, String> properties = FrameworkConfiguration.build(directories, new Properties(), false);
        Path staged = work.resolve("staged");
        TestBundles.buildAll(staged);
        long imageJars;
        try (Stream<Path> jars = Files.list(directories.bundles())) {
            imageJars = jars.filter(jar -> jar.toString().endsWith(".jar")).count();
        }

        Appliance first = new Appliance(directories, properties);
        List<String> bundlesBefore;
        try {
            Framework framework = first.start();
            assertEquals(imageJars, first.image().installed(), "a fresh state installs the whole image");
            assertTrue(first.image().failures().isEmpty(), first.image().failures().toString());
            TestBundles.moveIn(TestBundles.jar(staged, TestBundles.GREETER, "1.0.0"), directories.deploy());
            FrameworkProbe probe = new FrameworkProbe(framework.getBundleContext());
            Await.until("the greeter answers", () -> "greeter 1.0.0".equals(probe.call("greeter")));
            bundlesBefore = names(framework);
        } finally {
            first.stop();
        }

        Appliance second = new Appliance(directories, properties);
        try {
            Framework framework = second.start();
            assertEquals(0, second.image().installed(), "the image comes from the cache, not installed again");
            assertEquals(0, second.image().updated());
            assertEquals(bundlesBefore, names(framework), "the same bundles, no duplicates");
            FrameworkProbe probe = new FrameworkProbe(framework.getBundleContext());
            Bundle greeter = probe.bundle(TestBundles.GREETER).orElseThrow();
            assertTrue(greeter.getLocation().startsWith(directories.deploy().toUri().toString()), greeter.getLocation());
            Await.until("the greeter answers after the restart", () -> "greeter 1.0.0".equals(probe.call("greeter")));
            assertEquals(Bundle.ACTIVE, greeter.getState());
        } finally {
            second.stop();
        }
    }

    private static List<String> names(Framework framework) {
        return Arrays.stream(framework.getBundleContext().getBundles())
                .map(bundle -> bundle.getSymbolicName() + " " + bundle.getVersion()).sorted().toList();
    }

    @Test
    void aBundleDeployedWithoutItsRecordIsAdoptedAfterARestart(@TempDir Path work) throws Exception {
        Directories directories = new Directories(APP, work.resolve("etc"), work.resolve("state"));
        Map<String, String> properties = FrameworkConfiguration.build(directories, new Properties(), false);
        Path staged = work.resolve("staged");
        TestBundles.buildAll(staged);

        Appliance first = new Appliance(directories, properties);
        try {
            Framework framework = first.start();
            TestBundles.moveIn(TestBundles.jar(staged, TestBundles.GREETER, "1.0.0"), directories.deploy());
            FrameworkProbe probe = new FrameworkProbe(framework.getBundleContext());
            Await.until("the greeter answers", () -> "greeter 1.0.0".equals(probe.call("greeter")));
        } finally {
            first.stop();
        }
        // As if the deployer had been stopped between installing the bundle and saving its records.
        try (Stream<Path> files = Files.walk(directories.cache())) {
            List<Path> records = files.filter(file -> file.getFileName().toString().equals("deployed.records")).toList();
            assertEquals(1, records.size(), records.toString());
            Files.delete(records.get(0));
        }

        Appliance second = new Appliance(directories, properties);
        try {
            Framework framework = second.start();
            FrameworkProbe probe = new FrameworkProbe(framework.getBundleContext());
            Await.until("the adopted greeter answers", () -> "greeter 1.0.0".equals(probe.call("greeter")));
            // Outside the framework the test's API classes are not the bundles': ask as fulcrum:status does.
            String[] lastStatus = {""};
            try {
                Await.until("the deployer tracks it again", () -> {
                    lastStatus[0] = ShellCommand.run(framework.getBundleContext(), "fulcrum:status");
                    return lastStatus[0].lines().anyMatch(line -> line.startsWith("deploy ") && line.contains(" ACTIVE ")
                            && line.endsWith("1 bundle(s) deployed"));
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last fulcrum:status:\n" + lastStatus[0], e);
            }
            Files.delete(directories.deploy().resolve(TestBundles.jar(staged, TestBundles.GREETER, "1.0.0").getFileName()));
            Await.until("removing its jar uninstalls the adopted bundle", () -> probe.count(TestBundles.GREETER) == 0);
        } finally {
            second.stop();
        }
    }
}
