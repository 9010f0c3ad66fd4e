package dev.fulcrum.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * {@code java @lib/jvm.options -jar lib/fulcrum-launcher.jar}: runs the appliance in the
 * foreground until SIGTERM/SIGINT (or {@code exit} in the shell), printing where things are and
 * "ready" with the time from JVM start. With {@code check -f FILE...} it only validates
 * configuration files (see {@link CheckLauncher}) and exits 0, 1 or 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("check")) {
            // fulcrum check -f FILE...: validate configuration files; the framework is not started
            Directories directories = Directories.resolve(System.getProperties(), System.getenv(), launcherHome());
            System.exit(CheckLauncher.run(directories.bundles(),
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        PrintStream out = System.out;
        boolean interactive = System.console() != null;
        quietEarlyJavaLogging();
        Directories directories = Directories.resolve(System.getProperties(), System.getenv(), launcherHome());
        Appliance appliance = Appliance.configured(directories, interactive);

        Framework framework;
        try {
            framework = appliance.start();
        } catch (Exception e) {
            System.err.println("fulcrum: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                appliance.stop();
            } catch (Exception e) {
                System.err.println("fulcrum: stopping: " + e.getMessage());
            }
        }, "fulcrum-shutdown"));

        report(out, appliance, framework, interactive, readyMillis);
        FrameworkEvent stopped = appliance.awaitStop(0);
        System.exit(stopped != null && stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    private static void report(PrintStream out, Appliance appliance, Framework framework, boolean interactive,
                               long readyMillis) {
        Directories directories = appliance.directories();
        ImageInstaller.Outcome image = appliance.image();
        int active = 0;
        int fragments = 0;
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                fragments++;
            } else if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            } else {
                inactive.add(bundle.getSymbolicName() + " " + bundle.getVersion());
            }
        }
        out.println("Fulcrum " + version());
        out.println("  application    " + directories.application() + " (read-only: lib/, bundles/)");
        out.println("  configuration  " + directories.configuration() + " (*.cfg -> ConfigAdmin, watched)");
        out.println("  state          " + directories.state() + " (cache/, deploy/, config/revisions/)");
        out.println("  hot deploy     " + directories.deploy() + " (mv a bundle jar here)");
        out.println("  listening      " + ProxyBinds.describe(directories.configuration()));
        out.println("  shell          " + (interactive ? "Gogo on this terminal: try fulcrum:status, fulcrum:bundles"
                : "no terminal: Gogo runs non-interactively"));
        out.println("  image          " + image.installed() + " installed, " + image.updated() + " updated, "
                + image.uninstalled() + " removed since last start");
        image.failures().forEach(failure -> out.println("  image problem  " + failure));
        out.print(ShellCommand.run(framework.getBundleContext(), "fulcrum:status"));
        out.println("ready in " + readyMillis + " ms: " + active + " bundles active, " + fragments + " fragment(s)"
                + (inactive.isEmpty() ? "" : "; NOT active: " + String.join(", ", inactive)));
    }

    /**
     * Until dev.fulcrum.log bridges java.util.logging into the OSGi log, JUL's console handler
     * would print INFO records as two lines on stderr (SPI Fly logs one while the framework
     * starts). Only warnings pass it now; the bridge replaces the handler once it runs.
     */
    private static void quietEarlyJavaLogging() {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setLevel(Level.WARNING);
            }
        }
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** The application directory: the parent of the lib/ directory holding the launcher jar. */
    private static Path launcherHome() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent();
    }
}
