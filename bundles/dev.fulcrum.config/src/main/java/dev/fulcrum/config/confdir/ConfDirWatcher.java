package dev.fulcrum.config.confdir;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.os.Sysctl;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.config.check.HostName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Applies the configuration directory (framework property {@value #CONF_DIR_PROPERTY}, set by the
 * launcher): at activation, and whenever {@code keepalived.conf} or {@code haproxy.cfg} changed and
 * stayed unchanged for one poll ({@value #POLL_MILLIS} ms). Files pulled in by keepalived's
 * {@code include} are read but not watched; {@code fulcrum:apply} re-reads everything. Files the
 * service refused (an algorithm whose bundle is not active yet) or could not store are retried at
 * every poll, so that a start-up race does not leave the box on the old revision.
 */
@Component(service = ConfDirectory.class, immediate = true)
public final class ConfDirWatcher implements ConfDirectory {

    static final String CONF_DIR_PROPERTY = "fulcrum.conf.dir";
    static final long POLL_MILLIS = 1000;

    private final Logger log;
    /** Null without a configuration directory. */
    private final ConfDirApplier applier;
    private final StableChange<List<FileStamp>> change = new StableChange<>();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "fulcrum-conf-dir"));
    private volatile ApplyOutcome last;
    private volatile String lastTrigger;

    @Activate
    public ConfDirWatcher(BundleContext context, @Reference ConfigurationService configuration,
            @Reference Sysctl sysctl, @Reference(service = LoggerFactory.class) Logger log) {
        this(applier(context.getProperty(CONF_DIR_PROPERTY), configuration, sysctl), log);
        if (applier == null) {
            log.info("no configuration directory: framework property {} is not set", CONF_DIR_PROPERTY);
            return;
        }
        poller.execute(() -> applyAndRecord("read at start"));
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @param applier null when there is no configuration directory (tests call this directly) */
    ConfDirWatcher(ConfDirApplier applier, Logger log) {
        this.applier = applier;
        this.log = log;
    }

    private static ConfDirApplier applier(String directory, ConfigurationService configuration, Sysctl sysctl) {
        if (directory == null) {
            return null;
        }
        ConfDirLoader loader = new ConfDirLoader(Path.of(directory), Set.of(HostName.configId(sysctl)), System.getenv());
        return new ConfDirApplier(loader, configuration);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One poll: applies when the files changed and have been stable since the previous poll. */
    void poll() {
        try {
            List<FileStamp> before = change.lastHandled();
            List<FileStamp> stamps = applier.loader().stamps();
            if (change.offer(stamps)) {
                applyAndRecord(changed(before, stamps));
            } else if (last != null && last.worthRetrying()) {
                applyAndRecord(lastTrigger);
            }
        } catch (RuntimeException e) {
            // The poller must survive anything: a dead poller would silently stop applying changes.
            log.error("configuration directory poll failed: {}", e.toString(), e);
        }
    }

    @Override
    public String applyNow() {
        if (applier == null) {
            return "no configuration directory: framework property " + CONF_DIR_PROPERTY + " is not set\n";
        }
        return applyAndRecord("fulcrum:apply").report();
    }

    @Override
    public Optional<String> problem() {
        ApplyOutcome outcome = last;
        return outcome != null && outcome.refused() ? Optional.of(outcome.summary()) : Optional.empty();
    }

    /** Synchronized: the poller and fulcrum:apply both come here. */
    private synchronized ApplyOutcome applyAndRecord(String trigger) {
        // Stamped before reading, so that a write during the read is seen as a change at the next poll.
        List<FileStamp> stamps = applier.loader().stamps();
        ApplyOutcome outcome = applier.apply(trigger);
        change.handled(stamps);
        lastTrigger = trigger;
        ApplyOutcome previous = last;
        last = outcome;
        if (!outcome.equals(previous) || !outcome.worthRetrying()) {
            logOutcome(outcome); // a retry that ends as before is not logged again every second
        }
        return outcome;
    }

    private void logOutcome(ApplyOutcome outcome) {
        if (outcome.kind() == ApplyOutcome.Kind.REJECTED || outcome.kind() == ApplyOutcome.Kind.REFUSED) {
            outcome.problems().forEach(p -> log.error("{}", p.format()));
            log.error("{}", outcome.summary());
            return;
        }
        outcome.problems().stream().filter(p -> p.severity() == ConfigProblem.Severity.WARNING)
                .forEach(p -> log.warn("{}", p.format()));
        if (outcome.kind() == ApplyOutcome.Kind.FAILED) {
            log.error("{}", outcome.summary());
        } else {
            log.info("{}", outcome.summary());
        }
    }

    /** E.g. "haproxy.cfg changed", "keepalived.conf removed": the revision's comment. */
    static String changed(List<FileStamp> before, List<FileStamp> after) {
        List<String> changes = new java.util.ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            FileStamp now = after.get(i);
            if (before == null || i >= before.size() || !now.equals(before.get(i))) {
                changes.add(now.name() + (now.present() ? " changed" : " removed"));
            }
        }
        return String.join(", ", changes);
    }
}
