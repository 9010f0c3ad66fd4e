package dev.fulcrum.config.service;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationRejectedException;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.RevisionInfo;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import dev.fulcrum.api.reconcile.UnknownRevisionException;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.config.confdir.ConfDirectory;
import dev.fulcrum.config.json.ModelJson;
import dev.fulcrum.config.store.RevisionContent;
import dev.fulcrum.config.store.RevisionHeader;
import dev.fulcrum.config.store.RevisionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The configuration service and the "config" subsystem: revisions live in the revision store under
 * the framework property {@value #STATE_DIR_PROPERTY}; the current one goes to every
 * {@link Reconciler} (whiteboard: a dynamic multiple reference) through {@link Distribution} on the
 * "fulcrum-config" thread. Immediate, so that reconcilers get the current revision at start-up even
 * when nobody asks for the service. When a {@link SchedulerRegistry} is there, apply refuses a state
 * naming an algorithm no bundle provides; the status also reports configuration files that were
 * rejected ({@link ConfDirectory}).
 */
@Component(service = {ConfigurationService.class, Subsystem.class}, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + ConfigurationManager.NAME)
public final class ConfigurationManager implements ConfigurationService, Subsystem {

    static final String NAME = "config";
    static final String STATE_DIR_PROPERTY = "fulcrum.state.dir";

    private final ModelJson json = new ModelJson();
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "fulcrum-config"));
    private final Distribution distribution = new Distribution(worker);
    private final Logger log;
    /** Null when the store could not be opened; {@link #unavailable} says why. */
    private final RevisionStore store;
    private final SubsystemStatus unavailable;
    private volatile SchedulerRegistry schedulers;
    private volatile ConfDirectory confDirectory;
    private boolean toldNoRegistry;

    @Activate
    public ConfigurationManager(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
        this(context.getProperty(STATE_DIR_PROPERTY), log);
    }

    /** @param stateDir the state directory, or null when the framework has none (tests call this directly) */
    ConfigurationManager(String stateDir, Logger log) {
        this.log = log;
        RevisionStore opened = null;
        SubsystemStatus problem = null;
        if (stateDir == null) {
            problem = SubsystemStatus.inactive(NAME, "no state directory: framework property "
                    + STATE_DIR_PROPERTY + " is not set");
        } else {
            try {
                opened = RevisionStore.open(RevisionStore.directoryIn(Path.of(stateDir)), InstantSource.system());
                opened.recoveryProblems().forEach(p -> log.warn("revision store: {}", p));
            } catch (IOException | RuntimeException e) {
                // Not fatal for the runtime: the subsystem reports it and apply refuses.
                log.error("cannot open the revision store in {}: {}", stateDir, e.toString(), e);
                problem = SubsystemStatus.failed(NAME, "cannot open the revision store in " + stateDir + ": " + e.getMessage());
            }
        }
        this.store = opened;
        this.unavailable = problem;
        if (store != null) {
            try {
                // Queued before any bind, so every reconciler bound later catches up with it.
                Optional<dev.fulcrum.config.store.Revision> stored = store.current();
                if (stored.isPresent()) {
                    distribution.publish(toRevision(stored.get()));
                }
            } catch (IOException | ConfigException e) {
                log.error("the current revision cannot be read: {}", e.getMessage(), e);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindReconciler(Reconciler reconciler) {
        distribution.bind(reconciler);
    }

    void unbindReconciler(Reconciler reconciler) {
        distribution.unbind(reconciler);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSchedulers(SchedulerRegistry registry) {
        schedulers = registry;
    }

    void unbindSchedulers(SchedulerRegistry registry) {
        if (schedulers == registry) {
            schedulers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindConfDirectory(ConfDirectory directory) {
        confDirectory = directory;
    }

    void unbindConfDirectory(ConfDirectory directory) {
        if (confDirectory == directory) {
            confDirectory = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException, IOException {
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("a reconciler is still running after 30 s; stopping without it");
            worker.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }

    @Override
    public Optional<Revision> current() {
        RevisionStore open = requireStore();
        try {
            Optional<dev.fulcrum.config.store.Revision> stored = open.current();
            return stored.isEmpty() ? Optional.empty() : Optional.of(toRevision(stored.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException("the current revision cannot be read: " + e.getMessage(), e);
        }
    }

    /** Synchronized so that revisions are published in the order they became current. */
    @Override
    public synchronized Revision apply(DesiredState state, String comment) {
        RevisionStore open = requireStore();
        checkSchedulers(state);
        try {
            RevisionHeader header = open.appendAndActivate(RevisionContent.json(json.write(state)), comment);
            Revision revision = new Revision(header.number(), state, header.created(), header.comment());
            distribution.publish(revision);
            log.info("revision {} is current ({})", revision.number(), comment);
            return revision;
        } catch (IOException e) {
            throw new UncheckedIOException("revision not stored; the current one stays: " + e.getMessage(), e);
        }
    }

    /** The revision is read and parsed before the switch, so an unreadable one never becomes current. */
    @Override
    public synchronized Revision rollback(long number) throws UnknownRevisionException {
        RevisionStore open = requireStore();
        try {
            Optional<dev.fulcrum.config.store.Revision> stored = open.get(number);
            if (stored.isEmpty()) {
                throw new UnknownRevisionException(number, "revision " + number + " does not exist; the store holds "
                        + open.list().stream().map(h -> String.valueOf(h.number())).toList());
            }
            Revision revision = toRevision(stored.get());
            open.activate(number);
            distribution.publish(revision);
            log.info("rolled back: revision {} is current", number);
            return revision;
        } catch (dev.fulcrum.config.store.NoSuchRevisionException e) {
            throw new UnknownRevisionException(number, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("revision " + number + " not activated: " + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new IllegalStateException("revision " + number + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RevisionInfo> history() {
        RevisionStore open = requireStore();
        long current = open.currentNumber().orElse(0);
        return open.list().stream().map(h -> new RevisionInfo(h.number(), h.created(), h.comment(), h.number() == current))
                .toList();
    }

    @Override
    public Map<String, SubsystemRevision> appliedBySubsystem() {
        return distribution.results();
    }

    @Override
    public SubsystemStatus status() {
        if (store == null) {
            return unavailable;
        }
        OptionalLong current = store.currentNumber();
        int reconcilers = distribution.reconcilerCount();
        if (current.isEmpty()) {
            return filesProblem().map(problem -> SubsystemStatus.degraded(NAME, "no revision applied yet; " + problem))
                    .orElseGet(() -> SubsystemStatus.active(NAME, "no revision applied yet, " + reconcilers + " reconciler(s)"));
        }
        List<String> failed = distribution.failedAt(current.getAsLong());
        Optional<String> files = filesProblem();
        if (failed.isEmpty() && files.isEmpty()) {
            return SubsystemStatus.active(NAME, "revision " + current.getAsLong() + " current, " + reconcilers
                    + " reconciler(s)").withRevision(current.getAsLong());
        }
        String reason = "revision " + current.getAsLong() + " current"
                + (failed.isEmpty() ? "" : "; failed to apply it: " + String.join(", ", failed))
                + files.map(problem -> "; " + problem).orElse("");
        return SubsystemStatus.degraded(NAME, reason).withRevision(current.getAsLong());
    }

    /** Without a registry (no scheduling bundle yet) the names cannot be checked: said once, at debug. */
    private void checkSchedulers(DesiredState state) {
        SchedulerRegistry registry = schedulers;
        if (registry == null) {
            if (!toldNoRegistry) {
                toldNoRegistry = true;
                log.debug("no scheduler registry: lb_algo and balance algorithms are not checked");
            }
            return;
        }
        List<ConfigProblem> problems = SchedulerCheck.problems(state, registry);
        if (!problems.isEmpty()) {
            throw new ConfigurationRejectedException(problems);
        }
    }

    private Optional<String> filesProblem() {
        ConfDirectory directory = confDirectory;
        return directory == null ? Optional.empty() : directory.problem();
    }

    private RevisionStore requireStore() {
        if (store == null) {
            throw new IllegalStateException(unavailable.reason());
        }
        return store;
    }

    private Revision toRevision(dev.fulcrum.config.store.Revision stored) throws ConfigException {
        RevisionHeader header = stored.header();
        DesiredState state = json.read(stored.content().text(), "revision " + header.number());
        return new Revision(header.number(), state, header.created(), header.comment());
    }
}
