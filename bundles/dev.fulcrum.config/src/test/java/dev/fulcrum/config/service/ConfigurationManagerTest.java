package dev.fulcrum.config.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.RevisionInfo;
import dev.fulcrum.api.reconcile.UnknownRevisionException;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.config.confdir.ConfDirectory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The manager without a framework: a real store in a temporary state directory. */
class ConfigurationManagerTest {

    @TempDir
    Path state;

    /** A logger that logs nothing: every method is void or a boolean "enabled?" answered no. */
    private static final Logger SILENT = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                    : method.getReturnType() == String.class ? "silent" : null);

    private static final class Recorder implements Reconciler {
        final List<Long> received = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public ReconcileResult reconcile(Revision revision) {
            received.add(revision.number());
            return ReconcileResult.applied();
        }
    }

    @Test
    void withoutAStateDirectoryTheSubsystemIsInactiveAndApplyRefuses() throws Exception {
        ConfigurationManager manager = new ConfigurationManager((String) null, SILENT);
        try {
            assertEquals(SubsystemState.INACTIVE, manager.status().state());
            assertTrue(manager.status().reason().contains("fulcrum.state.dir"), manager.status().reason());
            assertThrows(IllegalStateException.class, () -> manager.apply(DesiredState.EMPTY, "x"));
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void applyStoresAndMakesCurrentRollbackSwitchesBackAndAnUnknownNumberIsTyped() throws Exception {
        ConfigurationManager manager = new ConfigurationManager(state.toString(), SILENT);
        try {
            assertEquals("no revision applied yet, 0 reconciler(s)", manager.status().reason());
            Revision first = manager.apply(DesiredState.EMPTY, "first");
            Revision second = manager.apply(DesiredState.EMPTY, "second");
            assertEquals(List.of(1L, 2L), List.of(first.number(), second.number()));
            assertEquals(2, manager.current().orElseThrow().number());
            assertEquals(new SubsystemStatus("config", SubsystemState.ACTIVE, "revision 2 current, 0 reconciler(s)", 2),
                    manager.status());

            assertEquals("first", manager.rollback(1).comment());
            assertEquals(List.of(new RevisionInfo(2, second.created(), "second", false),
                    new RevisionInfo(1, first.created(), "first", true)), manager.history());
            UnknownRevisionException unknown = assertThrows(UnknownRevisionException.class, () -> manager.rollback(7));
            assertEquals(7, unknown.number());
            assertEquals(1, manager.current().orElseThrow().number());
            assertTrue(Files.isDirectory(state.resolve("config").resolve("revisions")));
        } finally {
            manager.deactivate();
        }
    }

    @Test
    void afterARestartAReconcilerIsHandedTheStoredCurrentRevision() throws Exception {
        ConfigurationManager before = new ConfigurationManager(state.toString(), SILENT);
        before.apply(DesiredState.EMPTY, "one");
        before.apply(DesiredState.EMPTY, "two");
        before.rollback(1);
        before.deactivate();

        ConfigurationManager after = new ConfigurationManager(state.toString(), SILENT);
        Recorder recorder = new Recorder();
        after.bindReconciler(recorder);
        after.deactivate(); // waits for the configuration thread to finish what was queued
        assertEquals(List.of(1L), recorder.received);
        assertEquals(1, after.appliedBySubsystem().get("recorder").revision());
    }

    @Test
    void rejectedConfigurationFilesDegradeTheSubsystemUntilTheyAreFixed() throws Exception {
        ConfigurationManager manager = new ConfigurationManager(state.toString(), SILENT);
        try {
            AtomicReference<Optional<String>> problem = new AtomicReference<>(
                    Optional.of("/etc/fulcrum/haproxy.cfg rejected: 1 error; no revision current"));
            ConfDirectory directory = new ConfDirectory() {
                @Override
                public String applyNow() {
                    return "";
                }

                @Override
                public Optional<String> problem() {
                    return problem.get();
                }
            };
            manager.bindConfDirectory(directory);
            assertEquals(SubsystemStatus.degraded("config", "no revision applied yet; "
                    + "/etc/fulcrum/haproxy.cfg rejected: 1 error; no revision current"), manager.status());

            manager.apply(DesiredState.EMPTY, "one");
            problem.set(Optional.of("/etc/fulcrum/haproxy.cfg rejected: 1 error; revision 1 stays current"));
            assertEquals(new SubsystemStatus("config", SubsystemState.DEGRADED, "revision 1 current; "
                    + "/etc/fulcrum/haproxy.cfg rejected: 1 error; revision 1 stays current", 1), manager.status());

            problem.set(Optional.empty());
            assertEquals(SubsystemState.ACTIVE, manager.status().state());
            manager.unbindConfDirectory(directory);
            assertEquals(SubsystemState.ACTIVE, manager.status().state());
        } finally {
            manager.deactivate();
        }
    }
}
