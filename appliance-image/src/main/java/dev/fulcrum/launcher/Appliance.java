package dev.fulcrum.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * One run of the appliance: Felix on a persistent cache, the image installed or checked, every
 * start level reached. Used by {@link Main} and, in-process, by the restart tests.
 */
public final class Appliance {

    private static final long START_TIMEOUT_SECONDS = 120;

    private final Directories directories;
    private final Map<String, String> properties;
    private Framework framework;
    private ImageInstaller.Outcome image;

    public Appliance(Directories directories, Map<String, String> properties) {
        this.directories = directories;
        this.properties = properties;
    }

    /** The standard configuration for these directories (launcher.properties, then -D overrides). */
    public static Appliance configured(Directories directories, boolean interactive) {
        return new Appliance(directories, FrameworkConfiguration.build(directories, System.getProperties(), interactive));
    }

    /** Starts the framework and returns once the final start level is reached. */
    public Framework start() throws BundleException, IOException, InterruptedException {
        Files.createDirectories(directories.state());
        Files.createDirectories(directories.deploy());
        Files.createDirectories(directories.nativeWork());
        Files.createDirectories(directories.configuration());
        System.setProperty("jna.tmpdir", directories.nativeWork().toString());
        System.setProperty("io.netty.native.workdir", directories.nativeWork().toString());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the launcher's class path"));
        framework = factory.newFramework(properties);
        framework.init();

        Set<String> early = Arrays.stream(properties.getOrDefault("fulcrum.startlevel.early", "").split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        image = new ImageInstaller(framework.getBundleContext(), directories.bundles(), early).install();
        if (!image.changed().isEmpty()) {
            refresh(image.changed());
        }

        CountDownLatch levelReached = new CountDownLatch(1);
        int target = Integer.parseInt(properties.getOrDefault("org.osgi.framework.startlevel.beginning", "1"));
        framework.start();
        framework.adapt(FrameworkStartLevel.class).setStartLevel(target, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                levelReached.countDown();
            }
        });
        if (!levelReached.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("start level " + target + " not reached in " + START_TIMEOUT_SECONDS + " s");
        }
        return framework;
    }

    private void refresh(List<Bundle> changed) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(changed, event -> done.countDown());
        done.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    public Framework framework() {
        return framework;
    }

    public ImageInstaller.Outcome image() {
        return image;
    }

    public Directories directories() {
        return directories;
    }

    /** Stops the framework (bundles keep their persistent start state in the cache). */
    public void stop() throws BundleException, InterruptedException {
        if (framework != null && (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
            framework.stop();
        }
        awaitStop(30_000);
    }

    /** Waits until the framework has stopped (by stop(), the shell's exit, or a bundle). */
    public FrameworkEvent awaitStop(long timeoutMillis) throws InterruptedException {
        return framework == null ? null : framework.waitForStop(timeoutMillis);
    }
}
