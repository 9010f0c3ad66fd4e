package dev.fulcrum.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Brings the image's bundles (application directory, bundles/) into the framework on every
 * start. The framework keeps its cache across restarts, so most starts find every image bundle
 * installed already and only check it:
 * <ul>
 * <li>not installed: install (location = the jar's file: URI, so {@code Bundle.update()} re-reads it);</li>
 * <li>installed, and the image jar has a higher version or different bytes of the same version:
 *     update, unless a higher version was hot-deployed over it (the deploy directory owns it then);</li>
 * <li>installed from the image but no longer in it: uninstall.</li>
 * </ul>
 * Bundles installed from elsewhere (deploy/) are left to their owner.
 */
final class ImageInstaller {

    /** What one start did, for the launcher's report. */
    record Outcome(int installed, int updated, int uninstalled, List<Bundle> changed, List<String> failures) {
    }

    private final BundleContext context;
    private final Path bundles;
    private final Set<String> early;

    ImageInstaller(BundleContext context, Path bundles, Set<String> early) {
        this.context = context;
        this.bundles = bundles;
        this.early = early;
    }

    Outcome install() throws IOException {
        String prefix = bundles.toUri().toString();
        List<Bundle> changed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> imageLocations = new HashSet<>();
        int installed = 0;
        int updated = 0;
        for (Path jar : jars()) {
            String location = jar.toUri().toString();
            imageLocations.add(location);
            try {
                Bundle bundle = context.getBundle(location);
                if (bundle == null) {
                    bundle = installFrom(location, jar);
                    installed++;
                } else if (needsUpdate(bundle, jar)) {
                    try (InputStream in = Files.newInputStream(jar)) {
                        bundle.update(in);
                    }
                    changed.add(bundle);
                    updated++;
                }
                String name = bundle.getSymbolicName();
                bundle.adapt(BundleStartLevel.class).setStartLevel(early.contains(name) ? 1 : 2);
                if (!isFragment(bundle)) {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                }
            } catch (BundleException | IOException | RuntimeException e) {
                failures.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
        int uninstalled = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(prefix) && !imageLocations.contains(bundle.getLocation())) {
                try {
                    bundle.uninstall();
                    changed.add(bundle);
                    uninstalled++;
                } catch (BundleException e) {
                    failures.add(bundle.getLocation() + ": " + e.getMessage());
                }
            }
        }
        return new Outcome(installed, updated, uninstalled, changed, failures);
    }

    private List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(bundles, "*.jar")) {
            entries.forEach(jars::add);
        }
        jars.sort(null);
        if (jars.isEmpty()) {
            throw new IOException("no bundles in " + bundles + ": is this an application directory?");
        }
        return jars;
    }

    private Bundle installFrom(String location, Path jar) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in);
        }
    }

    /**
     * A bundle whose installed version is higher than the image's was hot-deployed over it: keep
     * it. Otherwise the image wins when its version is higher, or when the bytes differ (a rebuilt
     * snapshot): the last-modified time the framework recorded is older than the jar's.
     */
    private static boolean needsUpdate(Bundle bundle, Path jar) throws IOException {
        Version imageVersion = versionOf(jar);
        int order = imageVersion.compareTo(bundle.getVersion());
        if (order != 0) {
            return order > 0;
        }
        return Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified();
    }

    private static Version versionOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return version == null ? Version.emptyVersion : Version.parseVersion(version.strip());
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
