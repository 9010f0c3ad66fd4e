package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.ipvs.FakeIpvsKernel;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.SyncDaemon;
import dev.fulcrum.netlink.Errno;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) lvs_sync_daemon: the sync daemon follows its VRRP instance (a fake VrrpStates here). */
class SyncDaemonFollowerTest {

    private final List<String> log = new ArrayList<>();
    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final IpvsSubsystem subsystem = new IpvsSubsystem(() -> kernel, log::add, false);
    private final FakeVrrpStates vrrp = new FakeVrrpStates();
    private final LvsSyncDaemon syncEth0 = new LvsSyncDaemon("eth0", "VI_1", OptionalInt.of(5), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), Optional.empty());

    @Test
    void masterWhileTheInstanceIsMasterBackupOtherwise() {
        assertTrue(apply(1, Optional.of(syncEth0)).isApplied());
        assertEquals(List.of("start backup daemon eth0 syncid 5"), kernel.log(), "no VRRP service: backup");

        subsystem.setVrrpStates(vrrp);
        assertEquals(1, kernel.log().size(), "VI_1 does not run yet: still backup");
        vrrp.change("VI_1", VrrpStates.State.MASTER);
        vrrp.change("VI_2", VrrpStates.State.BACKUP); // not followed
        assertEquals(List.of(SyncDaemon.Role.MASTER), roles());
        vrrp.change("VI_1", VrrpStates.State.FAULT);
        assertEquals(List.of(SyncDaemon.Role.BACKUP), roles());
        assertEquals(List.of("start backup daemon eth0 syncid 5", "stop backup daemon", "start master daemon eth0 syncid 5",
                "stop master daemon", "start backup daemon eth0 syncid 5"), kernel.log());
        assertTrue(log.contains("ipvs: started the master sync daemon on eth0 (syncid 5, following VRRP instance VI_1)"),
                log::toString);

        assertTrue(apply(2, Optional.of(syncEth0)).isApplied());
        assertEquals(5, kernel.log().size(), "the same revision again changes nothing (the kernel's defaults are not compared)");

        subsystem.unsetVrrpStates(vrrp);
        vrrp.change("VI_1", VrrpStates.State.MASTER);
        assertEquals(List.of(SyncDaemon.Role.BACKUP), roles(), "an unbound service's changes are not followed");

        assertTrue(apply(3, Optional.empty()).isApplied());
        assertEquals(List.of(), kernel.daemons(), "lvs_sync_daemon removed: its daemon stops");
    }

    @Test
    void aDaemonSomeoneElseStartedIsLeftAloneWithoutTheSetting() throws Exception {
        subsystem.client().orElseThrow().startDaemon(new SyncDaemon(SyncDaemon.Role.MASTER, "eth9", 3, 0, Optional.empty(), 0, 0));
        assertTrue(apply(1, Optional.empty()).isApplied());
        assertEquals(List.of(SyncDaemon.Role.MASTER), roles());
    }

    @Test
    void aKernelRefusalFailsTheRevisionWithItsOwnCode() {
        kernel.failNext(IpvsGenl.CMD_NEW_DAEMON, Errno.ENODEV);
        ReconcileResult result = apply(1, Optional.of(syncEth0));
        assertEquals(List.of(SyncDaemonFollower.SYNC_ERROR), result.errors().stream().map(e -> e.code()).toList());
        assertTrue(result.errors().get(0).message().startsWith("lvs_sync_daemon: "), result.errors().get(0).message());
    }

    private List<SyncDaemon.Role> roles() {
        return kernel.daemons().stream().map(SyncDaemon::role).toList();
    }

    private ReconcileResult apply(long number, Optional<LvsSyncDaemon> daemon) {
        GlobalSettings d = GlobalSettings.DEFAULTS;
        GlobalSettings global = new GlobalSettings(d.routerId(), d.notificationEmail(), d.notificationEmailFrom(),
                d.smtpServer(), d.smtpHeloName(), d.smtpConnectTimeout(), d.smtpAlert(), d.scriptUser(),
                d.enableScriptSecurity(), d.vrrp(), d.lvsTimeouts(), daemon, false, false);
        return subsystem.reconcile(new Revision(number, DesiredState.EMPTY.withKeepalived(global, VrrpConfig.EMPTY,
                LvsConfig.EMPTY), Instant.EPOCH, ""));
    }

    /** The vrrp bundle's service, driven by the test. */
    static final class FakeVrrpStates implements VrrpStates {
        private final Map<String, State> states = new ConcurrentHashMap<>();
        private final List<Listener> listeners = new ArrayList<>();

        void change(String instance, State state) {
            states.put(instance, state);
            List.copyOf(listeners).forEach(l -> l.stateChanged(instance, state));
        }

        @Override
        public Map<String, State> current() {
            return Map.copyOf(states);
        }

        @Override
        public Subscription subscribe(Listener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
