package dev.fulcrum.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.log.Logger;

/**
 * Carries out a deploy plan on the framework: install, update in place, uninstall, revert; then
 * one refresh of everything touched (so dependents rewire to the new revision) and a start of
 * what should run. A failing bundle costs only its own entry: every other action still runs.
 */
final class BundleOperations {

    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    private final String deployLocationPrefix;
    private final Logger log;
    private final Map<Long, String> startFailures = new ConcurrentHashMap<>();
    private Runnable selfUpdate;

    BundleOperations(BundleContext context, Path deployDirectory, Logger log) {
        this.context = context;
        this.deployLocationPrefix = deployDirectory == null ? null : deployDirectory.toUri().toString();
        this.log = log;
    }

    List<InstalledBundle> installed() {
        List<InstalledBundle> view = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getSymbolicName() != null) {
                view.add(new InstalledBundle(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion(),
                        isFromDeployDirectory(bundle)));
            }
        }
        return view;
    }

    Bundle bundle(long id) {
        return context.getBundle(id);
    }

    boolean isFromDeployDirectory(Bundle bundle) {
        return deployLocationPrefix != null && bundle.getLocation().startsWith(deployLocationPrefix);
    }

    /**
     * Records for bundles installed from the deploy directory that have none: the deployer was
     * stopped (crash, shutdown) between installing them and saving its records. Their checksum is
     * unknown (0), so the next plan updates them from their jar, or uninstalls them when the jar
     * is gone, and from then on they are tracked like any other.
     */
    List<DeployRecord> orphans(Map<Long, DeployRecord> records) {
        List<DeployRecord> orphans = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (isFromDeployDirectory(bundle) && !records.containsKey(bundle.getBundleId())) {
                try {
                    orphans.add(new DeployRecord(bundle.getBundleId(), Path.of(java.net.URI.create(bundle.getLocation())), 0));
                } catch (IllegalArgumentException e) {
                    log.warn("bundle {} has an unreadable deploy location {}: left alone", bundle.getBundleId(),
                            bundle.getLocation());
                }
            }
        }
        return orphans;
    }

    /** Start failures of recorded bundles that still stand, by jar. */
    Map<Path, String> startProblems(Iterable<DeployRecord> records) {
        Map<Path, String> problems = new LinkedHashMap<>();
        for (DeployRecord record : records) {
            String failure = startFailures.get(record.bundleId());
            if (failure != null) {
                problems.put(record.file(), failure);
            }
        }
        return problems;
    }

    /** Applies the plan, updating the records; returns the problems found, by jar. */
    Map<Path, String> apply(List<DeployAction> plan, Map<Long, DeployRecord> records) {
        Map<Path, String> problems = new LinkedHashMap<>();
        List<Bundle> touched = new ArrayList<>();
        Map<Bundle, Path> toStart = new LinkedHashMap<>();
        for (DeployAction action : plan) {
            try {
                Bundle bundle = apply(action, records, problems);
                if (bundle != null) {
                    if (!(action instanceof DeployAction.Install)) {
                        touched.add(bundle);
                    }
                    if (!(action instanceof DeployAction.Uninstall)) {
                        toStart.put(bundle, jarOf(action));
                    }
                }
            } catch (BundleException | IOException | IllegalStateException e) {
                Path file = jarOf(action);
                problems.put(file == null ? Path.of("bundle " + action.bundleId()) : file,
                        describe(action) + " failed: " + e.getMessage());
            }
        }
        refresh(touched);
        toStart.forEach((bundle, file) -> start(bundle, file, problems));
        return problems;
    }

    private void start(Bundle bundle, Path file, Map<Path, String> problems) {
        if (bundle.getState() == Bundle.UNINSTALLED || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            String failure = bundle.getSymbolicName() + " " + bundle.getVersion() + " could not start: " + e.getMessage();
            startFailures.put(bundle.getBundleId(), failure);
            problems.put(file == null ? Path.of(bundle.getLocation()) : file, failure);
        }
    }

    /** Refreshes the touched bundles and their dependents, and waits until the framework is done. */
    private void refresh(List<Bundle> touched) {
        if (touched.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(touched, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("refresh of {} bundle(s) did not finish in {} s", touched.size(), REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Performs one action; returns the bundle it changed (null when none). */
    private Bundle apply(DeployAction action, Map<Long, DeployRecord> records, Map<Path, String> problems)
            throws BundleException, IOException {
        if (action instanceof DeployAction.Skip skip) {
            problems.put(skip.jar().file(), "ignored " + skip.jar().describe() + ": " + skip.reason());
            return null;
        }
        if (action instanceof DeployAction.Install install) {
            JarInfo jar = install.jar();
            Bundle bundle;
            try (InputStream in = Files.newInputStream(jar.file())) {
                bundle = context.installBundle(jar.file().toUri().toString(), in);
            }
            records.put(bundle.getBundleId(), new DeployRecord(bundle.getBundleId(), jar.file(), jar.checksum()));
            log.info("installed {} {} from {}", jar.symbolicName(), jar.version(), jar.file().getFileName());
            return bundle;
        }
        records.remove(action.bundleId());
        startFailures.remove(action.bundleId());
        Bundle bundle = context.getBundle(action.bundleId());
        if (bundle == null || action instanceof DeployAction.Forget) {
            return null;
        }
        if (bundle.equals(context.getBundle()) && !(action instanceof DeployAction.Uninstall)) {
            deferSelfUpdate(action, records);
            return null;
        }
        if (action instanceof DeployAction.Update update) {
            JarInfo jar = update.jar();
            String before = bundle.getVersion().toString();
            records.put(bundle.getBundleId(), new DeployRecord(bundle.getBundleId(), jar.file(), jar.checksum()));
            try (InputStream in = Files.newInputStream(jar.file())) {
                bundle.update(in);
            }
            log.info("updated {} in place: {} -> {} from {}", jar.symbolicName(), before, jar.version(),
                    jar.file().getFileName());
        } else if (action instanceof DeployAction.Revert) {
            bundle.update(); // from its location: the image jar
            log.info("reverted {} to the image's version {}", bundle.getSymbolicName(), bundle.getVersion());
        } else {
            log.info("uninstalling {} {}: its jar left the deploy directory", bundle.getSymbolicName(), bundle.getVersion());
            bundle.uninstall();
        }
        return bundle;
    }

    /**
     * Updating the deployer's own bundle stops this component, whose worker thread would then wait
     * for itself. The update is therefore kept for {@link #takeSelfUpdate()}: the deployer saves
     * its records first and runs it on a thread of its own.
     */
    private void deferSelfUpdate(DeployAction action, Map<Long, DeployRecord> records) {
        Bundle self = context.getBundle();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Path source = jarOf(action);
        if (source != null) {
            JarInfo jar = ((DeployAction.Update) action).jar();
            records.put(self.getBundleId(), new DeployRecord(self.getBundleId(), jar.file(), jar.checksum()));
        }
        log.info("{} itself: {} -> {}", source == null ? "reverting" : "updating", self.getVersion(),
                source == null ? "the image's jar" : source.getFileName());
        selfUpdate = () -> {
            try {
                if (source == null) {
                    self.update();
                } else {
                    try (InputStream in = Files.newInputStream(source)) {
                        self.update(in);
                    }
                }
                wiring.refreshBundles(List.of(self));
            } catch (BundleException | IOException | IllegalStateException e) {
                log.error("updating dev.fulcrum.deploy itself from {} failed: {}", source, e.toString(), e);
            }
        };
    }

    /** The deferred update of the deployer's own bundle, if the last plan had one. */
    Runnable takeSelfUpdate() {
        Runnable update = selfUpdate;
        selfUpdate = null;
        return update;
    }

    private static Path jarOf(DeployAction action) {
        if (action instanceof DeployAction.Install install) {
            return install.jar().file();
        }
        if (action instanceof DeployAction.Update update) {
            return update.jar().file();
        }
        return null;
    }

    private static String describe(DeployAction action) {
        if (action instanceof DeployAction.Install install) {
            return "installing " + install.jar().describe();
        }
        if (action instanceof DeployAction.Update update) {
            return "updating bundle " + update.bundleId() + " from " + update.jar().describe();
        }
        return action.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " of bundle " + action.bundleId();
    }
}
