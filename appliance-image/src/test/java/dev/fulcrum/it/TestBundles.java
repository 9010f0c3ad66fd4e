package dev.fulcrum.it;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import dev.fulcrum.api.reconcile.Reconciler;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.osgi.framework.FrameworkUtil;

/**
 * Builds the test bundles with bndlib from the compiled test classes, the way bnd-maven-plugin
 * builds real ones (DS descriptors from the annotations, computed imports).
 */
public final class TestBundles {

    public static final String GREETER = "dev.fulcrum.it.greeter";
    public static final String UNRESOLVABLE = "dev.fulcrum.it.unresolvable";
    public static final String FAILING = "dev.fulcrum.it.failing";
    public static final String RECORDER = "dev.fulcrum.it.reconciler";
    public static final String REFUSING = "dev.fulcrum.it.refusing";
    public static final String SCHEDULER = "dev.fulcrum.it.sched";
    public static final String SCHEDULER_OVERRIDE = "dev.fulcrum.it.sched.override";

    private TestBundles() {
    }

    /** Writes greeter 1.0.0 and 2.0.0, an unresolvable bundle and a failing one into the directory. */
    public static void buildAll(Path directory) throws Exception {
        Files.createDirectories(directory);
        build(directory, GREETER, "1.0.0", "dev.fulcrum.it.greeter", Map.of());
        build(directory, GREETER, "2.0.0", "dev.fulcrum.it.greeter", Map.of());
        build(directory, UNRESOLVABLE, "1.0.0", "dev.fulcrum.it.greeter",
                Map.of("Import-Package", "dev.fulcrum.it.missing;version=\"[1,2)\",*"));
        build(directory, FAILING, "1.0.0", "dev.fulcrum.it.broken", Map.of());
    }

    /** Writes the two test subsystems of the reconciler contract: one applies, one refuses. */
    public static void buildReconcilers(Path directory) throws Exception {
        Files.createDirectories(directory);
        build(directory, RECORDER, "1.0.0", "dev.fulcrum.it.reconciler", Map.of());
        build(directory, REFUSING, "1.0.0", "dev.fulcrum.it.refusing", Map.of());
    }

    /**
     * Writes the two test scheduling algorithms of one name as bundles of their own: the first, and a
     * higher-ranked override that carries a private copy of their shared base class.
     */
    public static void buildSchedulers(Path directory) throws Exception {
        Files.createDirectories(directory);
        build(directory, SCHEDULER, "1.0.0", "dev.fulcrum.it.sched", Map.of());
        build(directory, SCHEDULER_OVERRIDE, "1.0.0", "dev.fulcrum.it.sched.override,dev.fulcrum.it.sched",
                Map.of("-dsannotations", "dev.fulcrum.it.sched.override.*"));
    }

    /**
     * A copy of an image bundle under a higher version: the same classes, as a vendor's upgrade of
     * that one function would arrive. Written as {@code <bsn>-<version>.jar}.
     */
    public static Path rebadged(Path imageJar, String version, Path directory) throws Exception {
        Files.createDirectories(directory);
        try (Jar jar = new Jar(imageJar.toFile())) {
            String symbolicName = jar.getBsn();
            jar.getManifest().getMainAttributes().putValue("Bundle-Version", version);
            Path target = jar(directory, symbolicName, version);
            jar.write(target.toFile());
            return target;
        }
    }

    public static Path jar(Path directory, String symbolicName, String version) {
        return directory.resolve(symbolicName + "-" + version + ".jar");
    }

    /** Puts a jar into the deploy directory the way an admin should: copy beside it, then rename. */
    public static Path moveIn(Path jar, Path deployDirectory) throws Exception {
        Path hidden = deployDirectory.resolve("." + jar.getFileName() + ".part");
        Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
        Path target = deployDirectory.resolve(jar.getFileName());
        return Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void build(Path directory, String symbolicName, String version, String pkg,
                              Map<String, String> instructions) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", symbolicName);
            builder.setProperty("Bundle-Version", version);
            builder.setProperty("Private-Package", pkg);
            builder.setProperty("-noextraheaders", "true");
            instructions.forEach(builder::setProperty);
            builder.addClasspath(testClasses());
            builder.addClasspath(jarOf(FrameworkUtil.class));
            // The API on the class path gives the imports their version ranges.
            builder.addClasspath(jarOf(Reconciler.class));
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IllegalStateException("building " + symbolicName + ": " + builder.getErrors());
            }
            jar.write(jar(directory, symbolicName, version).toFile());
        }
    }

    private static File testClasses() {
        return new File(System.getProperty("fulcrum.test.classes", "target/test-classes"));
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
