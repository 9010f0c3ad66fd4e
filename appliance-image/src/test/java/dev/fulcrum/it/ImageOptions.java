package dev.fulcrum.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration of a framework that runs like the appliance: the image's bundles
 * (the application directory the build assembled), the launcher's start levels and log level
 * (launcher.properties), a non-interactive Gogo, and a fresh cache every time.
 */
public final class ImageOptions {

    /** The demo backends of the embedded default (scripts/run); not part of a production image. */
    static final String DEMO_BUNDLE = "dev.fulcrum.demo";

    private ImageOptions() {
    }

    /** @param work a scratch directory of the test: the deploy and state directories go there */
    public static Option image(Path work) throws IOException {
        Path app = Path.of(System.getProperty("fulcrum.test.app"));
        Properties launcher = launcherProperties();
        List<Option> options = new ArrayList<>();
        // The launcher's start-level policy: the log and SLF4J's binding first.
        Set<String> early = Set.of(launcher.getProperty("fulcrum.startlevel.early").split(","));
        try (Stream<Path> jars = Files.list(app.resolve("bundles"))) {
            // Fragments (Netty's native epoll library) are installed, never started, as the launcher does.
            // The demo backends are left out, as on a production box (they would bind 8081/8082).
            jars.sorted().filter(jar -> !jar.getFileName().toString().startsWith(DEMO_BUNDLE + "-")).forEach(jar -> options.add(bundle(jar.toUri().toString()).start(!isFragment(jar))
                    .startLevel(early.stream().anyMatch(name -> jar.getFileName().toString().startsWith(name + "-")) ? 1 : 5)));
        }
        options.add(frameworkProperty("fulcrum.deploy.dir").value(work.resolve("deploy").toString()));
        // As the launcher sets it: the configuration service keeps its revisions under it.
        options.add(frameworkProperty("fulcrum.state.dir").value(work.resolve("state").toString()));
        options.add(frameworkProperty("fulcrum.image.bundles").value(app.resolve("bundles").toString()));
        options.add(frameworkProperty("gosh.args").value("--nointeractive --noshutdown"));
        String logLevel = "org.osgi.service.log.admin.loglevel";
        options.add(frameworkProperty(logLevel).value(launcher.getProperty(logLevel)));
        options.add(junitBundles());
        options.add(cleanCaches(true));
        return composite(options.toArray(new Option[0]));
    }

    /** A setting of the launcher's launcher.properties, e.g. FileInstall's filter. */
    public static String launcherProperty(String key) {
        return launcherProperties().getProperty(key);
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties launcherProperties() {
        Properties launcher = new Properties();
        try (InputStream in = ImageOptions.class.getResourceAsStream("/dev/fulcrum/launcher/launcher.properties")) {
            launcher.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launcher;
    }
}
