package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subsystem's contract where the machine cannot run VRRP: a clear status, never an exception. */
class VrrpSubsystemTest {

    private static final NetlinkConnector NO_PRIVILEGE = (protocol, namespace) -> {
        throw new NetlinkException("socket(AF_NETLINK): Operation not permitted (EPERM)");
    };
    private static final ProcessRunner NO_PROCESSES = new ProcessRunner() {
        @Override
        public ProcessResult run(dev.fulcrum.api.os.Command command) {
            return new ProcessResult(1, "", "", Duration.ZERO, false);
        }

        @Override
        public boolean isInstalled(String program) {
            return false;
        }
    };

    @Test
    void anInstanceThatCannotOpenItsSocketsMakesTheSubsystemInactiveWithTheReason() throws Exception {
        VrrpSubsystem subsystem = new VrrpSubsystem(NO_PRIVILEGE, NO_PROCESSES);
        try {
            VrrpConfig config = new VrrpConfig(List.of(), List.of(LiveChangeTest.instance(100, "e0")), List.of());
            DesiredState state = new DesiredState(DesiredState.EMPTY.global(), config, DesiredState.EMPTY.lvs(),
                    DesiredState.EMPTY.proxy());
            assertTrue(subsystem.reconcile(new Revision(7, state, Instant.EPOCH, "test")).isApplied(),
                    "the machine's state is not a bad revision");
            SubsystemStatus status = subsystem.status();
            assertEquals(SubsystemState.INACTIVE, status.state());
            assertEquals(7, status.appliedRevision());
            assertTrue(status.reason().contains("(VI_1) cannot run on e0") && status.reason().contains("EPERM"),
                    status.reason());
        } finally {
            subsystem.deactivate();
        }
    }

    /** track_subsystem's view of the other Subsystem services, as DS binds and unbinds them. */
    @Test
    void boundSubsystemsAreFoundByNameAndAHotSwapKeepsTheNewOne() {
        VrrpSubsystem subsystem = new VrrpSubsystem(NO_PRIVILEGE, NO_PROCESSES);
        try {
            Subsystem oldProxy = () -> SubsystemStatus.failed("proxy", "old");
            Subsystem newProxy = () -> SubsystemStatus.active("proxy", "new");
            Map<String, Object> named = Map.of(Subsystem.NAME_PROPERTY, "proxy");
            assertTrue(subsystem.subsystemStatus("proxy").isEmpty());
            subsystem.addSubsystem(oldProxy, named);
            assertEquals("old", subsystem.subsystemStatus("proxy").orElseThrow().reason());
            subsystem.addSubsystem(newProxy, named); // the new bundle registers before the old one goes
            subsystem.removeSubsystem(oldProxy, named);
            assertEquals("new", subsystem.subsystemStatus("proxy").orElseThrow().reason());
            subsystem.removeSubsystem(newProxy, named);
            assertTrue(subsystem.subsystemStatus("proxy").isEmpty());
            subsystem.addSubsystem(newProxy, Map.of());
            assertTrue(subsystem.subsystemStatus("proxy").isEmpty(), "a service without a name is not tracked");
        } finally {
            subsystem.deactivate();
        }
    }

    @Test
    void statusNamesEachCase() {
        assertEquals(SubsystemState.ACTIVE, VrrpStatus.of(0, Map.of(), List.of()).state());
        assertEquals("VI_1 MASTER", VrrpStatus.of(1, Map.of("VI_1", "MASTER"), List.of()).reason());
        SubsystemStatus degraded = VrrpStatus.of(2, Map.of("VI_1", "BACKUP"), List.of("(VI_2) cannot run on e9: no"));
        assertEquals(SubsystemState.DEGRADED, degraded.state());
        assertEquals("(VI_2) cannot run on e9: no; running: VI_1 BACKUP", degraded.reason());
    }
}
