package dev.fulcrum.deploy.internal;

import dev.fulcrum.api.deploy.DeployedBundle;
import dev.fulcrum.api.deploy.HotDeploy;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Watches the deploy directory (framework property {@value #DEPLOY_DIR_PROPERTY}, set by the
 * launcher to {@code <state>/deploy}) and keeps the framework in line with it: scan, plan
 * ({@link DeployPlanner}), apply ({@link BundleOperations}). One thread does it all, so the
 * records never race. Immediate: the watcher must run whether or not anyone reads its status.
 */
@Component(service = {HotDeploy.class, Subsystem.class}, configurationPid = HotDeployer.PID, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + HotDeployer.NAME)
@Designate(ocd = HotDeployer.Config.class)
public final class HotDeployer implements HotDeploy, Subsystem {

    static final String PID = "dev.fulcrum.deploy";
    static final String NAME = "deploy";
    static final String DEPLOY_DIR_PROPERTY = "fulcrum.deploy.dir";

    @ObjectClassDefinition(name = "Fulcrum hot deploy", description = "Watching the deploy directory")
    public @interface Config {
        @AttributeDefinition(description = "Milliseconds between two scans of the deploy directory")
        long poll_ms() default 250;
    }

    private final Logger log;
    private final Path directory;
    private final ScheduledExecutorService worker;
    private final JarScanner scanner;
    private final DeployRecordStore store;
    private final BundleOperations operations;
    private final DeployPlanner planner = new DeployPlanner();
    private final Map<Long, DeployRecord> records = new ConcurrentHashMap<>();
    private final Map<Path, String> toldProblems = new ConcurrentHashMap<>();
    private volatile SubsystemStatus status;

    @Activate
    public HotDeployer(BundleContext context, Config config,
                       @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        String configured = context.getProperty(DEPLOY_DIR_PROPERTY);
        this.directory = configured == null ? null : Path.of(configured).toAbsolutePath();
        this.store = new DeployRecordStore(context.getDataFile("deployed.records").toPath());
        this.operations = new BundleOperations(context, directory, log);
        this.scanner = directory == null ? null : new JarScanner(directory);
        if (directory == null) {
            this.worker = null;
            this.status = SubsystemStatus.inactive(NAME, "no deploy directory: framework property "
                    + DEPLOY_DIR_PROPERTY + " is not set");
            return;
        }
        Files.createDirectories(directory);
        store.load().forEach(record -> records.put(record.bundleId(), record));
        operations.orphans(records).forEach(record -> {
            log.warn("adopting bundle {} from {}: it has no deploy record (stopped while deploying?)",
                    record.bundleId(), record.file().getFileName());
            records.put(record.bundleId(), record);
        });
        this.status = SubsystemStatus.active(NAME, summary());
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "fulcrum-deploy"));
        worker.scheduleWithFixedDelay(this::poll, 0, Math.max(50, config.poll_ms()), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (worker != null) {
            worker.shutdownNow();
            worker.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void poll() {
        try {
            JarScanner.Scan scan = scanner.scan();
            List<DeployAction> plan = planner.plan(scan.jars(), operations.installed(), records.values(), scan.pending());
            Map<Path, String> found = new TreeMap<>(scan.problems());
            if (!plan.isEmpty()) {
                found.putAll(operations.apply(plan, records));
                store.save(records.values());
                Runnable selfUpdate = operations.takeSelfUpdate();
                if (selfUpdate != null) {
                    new Thread(selfUpdate, "fulcrum-deploy-self-update").start();
                }
            } else {
                found.putAll(operations.startProblems(records.values()));
            }
            report(found);
        } catch (IOException | RuntimeException e) {
            log.error("hot deploy: scanning {} failed: {}", directory, e.toString(), e);
            status = SubsystemStatus.degraded(NAME, "watching " + directory + "; last scan failed: " + e.getMessage());
        }
    }

    /** Logs each problem once (until it goes away) and turns them into the subsystem status. */
    private void report(Map<Path, String> found) {
        found.forEach((file, problem) -> {
            if (!problem.equals(toldProblems.put(file, problem))) {
                log.error("hot deploy: {}", problem);
            }
        });
        toldProblems.keySet().retainAll(found.keySet());
        String base = summary();
        status = found.isEmpty() ? SubsystemStatus.active(NAME, base)
                : SubsystemStatus.degraded(NAME, base + "; " + String.join("; ", found.values()));
    }

    private String summary() {
        return "watching " + directory + ": " + records.size() + " bundle(s) deployed";
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<DeployedBundle> deployed() {
        List<DeployedBundle> deployed = new ArrayList<>();
        for (DeployRecord record : records.values()) {
            Bundle bundle = operations.bundle(record.bundleId());
            if (bundle != null) {
                deployed.add(new DeployedBundle(record.bundleId(), bundle.getSymbolicName(),
                        bundle.getVersion().toString(), record.file(), !operations.isFromDeployDirectory(bundle)));
            }
        }
        deployed.sort((a, b) -> Long.compare(a.bundleId(), b.bundleId()));
        return deployed;
    }

    @Override
    public SubsystemStatus status() {
        return status;
    }
}
