package dev.fulcrum.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fulcrum-launcher.jar check ...}: validates configuration files without starting the
 * framework. The image's dev.fulcrum.api and dev.fulcrum.config bundles are plain jars, so a
 * class loader over them runs {@code dev.fulcrum.config.check.ConfigCheck} directly; the launcher
 * stays free of a compile-time dependency on them (they can be upgraded independently).
 */
final class CheckLauncher {

    static final String ENTRY_CLASS = "dev.fulcrum.config.check.ConfigCheck";
    private static final List<String> BUNDLES = List.of("dev.fulcrum.api", "dev.fulcrum.config");

    private CheckLauncher() {
    }

    /** Runs the check; the exit code of {@code ConfigCheck} (2 also when the image lacks the bundles). */
    static int run(Path bundleDirectory, String[] args, PrintStream out, PrintStream err) {
        List<URL> jars = new ArrayList<>();
        for (String name : BUNDLES) {
            Path jar = find(bundleDirectory, name);
            if (jar == null) {
                err.println("fulcrum check: " + name + "-*.jar not found in " + bundleDirectory);
                return 2;
            }
            try {
                jars.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                err.println("fulcrum check: " + jar + ": " + e.getMessage());
                return 2;
            }
        }
        // Parent: the platform loader, so neither the framework nor the launcher leaks in.
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Method main = loader.loadClass(ENTRY_CLASS)
                    .getMethod("main", String[].class, String.class, PrintStream.class, PrintStream.class);
            return (Integer) main.invoke(null, args, hostName(), out, err);
        } catch (InvocationTargetException e) {
            // A bug, not bad input (that is exit 1): "not checked", with the trace for the report.
            err.println("fulcrum check: internal error, nothing was checked:");
            e.getCause().printStackTrace(err);
            return 2;
        } catch (ReflectiveOperationException | IOException e) {
            err.println("fulcrum check: the image's " + ENTRY_CLASS + " cannot be called: " + e);
            return 2;
        }
    }

    /** The newest-named {@code <name>-<version>.jar} in the directory (the image holds one of each). */
    static Path find(Path directory, String name) {
        Path found = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, name + "-[0-9]*.jar")) {
            for (Path jar : jars) {
                if (found == null || jar.getFileName().toString().compareTo(found.getFileName().toString()) > 0) {
                    found = jar;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found;
    }

    /**
     * keepalived's default config id is the host name; the launcher (the process entry, not a
     * bundle) reads it as gethostname(2) would, without a DNS look-up.
     */
    static String hostName() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null ? "localhost" : fromEnvironment;
        }
    }
}
