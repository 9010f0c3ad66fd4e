package dev.fulcrum.ipvs.internal;

import static dev.fulcrum.ipvs.internal.GuestTableCheck.check;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.ip;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.requests;
import static dev.fulcrum.ipvs.internal.GuestTableCheck.sh;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.global.LvsSyncDaemon;
import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.health.internal.HealthServiceImpl;
import dev.fulcrum.os.internal.OsProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The NAT data path of {@link GuestTableCheck} driven by real checkers: the production HealthService
 * runs keepalived TCP_CHECKs (delay_loop 1 s) against the two real-server namespaces; stopping one's
 * listener takes it out of the kernel table (or to weight 0 with inhibit_on_failure) and it gets no
 * new connections; restarting the listener brings it back. notify_up/notify_down write files. Then a
 * misc_dynamic MISC_CHECK sets b's weight ({@link GuestMiscDynamicCheck}). Also
 * lvs_sync_daemon following a VRRP instance whose state the check sets (a stand-in for the vrrp bundle).
 */
final class GuestHealthCheck {

    private static final Path NOTIFIED = Path.of("/tmp/fulcrum-notified");

    private GuestHealthCheck() {
    }

    /** The namespaces client, a and b exist, a and b listen on 8080 (see GuestTableCheck.dataPath). */
    static void run(IpvsSubsystem subsystem, List<String> log, Process[] listeners) throws Exception {
        HealthServiceImpl health = new HealthServiceImpl(new OsProcessRunner(), null);
        subsystem.setHealthService(health);
        StandInVrrp vrrp = new StandInVrrp();
        subsystem.setVrrpStates(vrrp);
        try {
            checks(subsystem, log, listeners, vrrp);
        } finally {
            subsystem.unsetHealthService(health);
        }
    }

    private static void checks(IpvsSubsystem subsystem, List<String> log, Process[] listeners, StandInVrrp vrrp)
            throws Exception {
        Files.deleteIfExists(NOTIFIED);
        RealServer a = checked("10.2.0.2", false);
        RealServer b = checked("10.3.0.2", false);
        check("revision 6 (NAT with TCP_CHECK, lvs_sync_daemon) applied", subsystem.reconcile(revision(6, a, b)).isApplied());
        check("both checked real servers in the table", waitFor(t -> t.contains("10.2.0.2:8080") && t.contains("10.3.0.2:8080")));
        String both = requests(4);
        check("rr alternates with real checkers: " + both, both.equals("abab") || both.equals("baba"));

        listeners[1].destroy();
        listeners[1].waitFor();
        check("b's listener stopped: TCP_CHECK fails and b leaves the table", waitFor(t -> !t.contains("10.3.0.2:8080")));
        String onlyA = requests(3);
        check("a real server whose check fails gets no new connections: " + onlyA, onlyA.equals("aaa"));
        check("keepalived's log line: " + log, log.contains("Removing service [10.3.0.2]:tcp:8080 from VS [10.0.0.5]:tcp:80"));
        check("notify_down ran", waitForFile("down 10.3.0.2"));

        listeners[1] = GuestTableCheck.listen("b");
        check("b's listener back: b returns to the table", waitFor(t -> t.contains("10.3.0.2:8080")));
        String again = requests(4);
        check("back up, it takes connections again: " + again, again.equals("abab") || again.equals("baba"));
        check("Adding service logged", log.contains("Adding service [10.3.0.2]:tcp:8080 to VS [10.0.0.5]:tcp:80"));
        check("notify_up ran", waitForFile("up 10.3.0.2"));

        RealServer inhibitedB = checked("10.3.0.2", true);
        check("revision 7 (inhibit_on_failure) applied", subsystem.reconcile(revision(7, a, inhibitedB)).isApplied());
        listeners[1].destroy();
        listeners[1].waitFor();
        check("inhibit_on_failure: b stays at weight 0", waitFor(t -> t.matches("(?s).*10\\.3\\.0\\.2:8080\\s+Masq\\s+0\\s.*")));
        String inhibited = requests(3);
        check("weight 0 gets no new connections: " + inhibited, inhibited.equals("aaa"));
        listeners[1] = GuestTableCheck.listen("b");
        check("b back at weight 1", waitFor(t -> t.matches("(?s).*10\\.3\\.0\\.2:8080\\s+Masq\\s+1\\s.*")));

        GuestMiscDynamicCheck.run(subsystem, a);
        syncDaemon(vrrp);
    }

    /** lvs_sync_daemon lo VI_1 id 7 (in revisions 6 and 7): backup, master while VI_1 is MASTER, backup again. */
    private static void syncDaemon(StandInVrrp vrrp) throws Exception {
        check("sync daemon starts as backup", waitForDaemon("backup"));
        vrrp.set("VI_1", VrrpStates.State.MASTER);
        check("VI_1 MASTER: master sync daemon", waitForDaemon("master"));
        vrrp.set("VI_1", VrrpStates.State.BACKUP);
        check("VI_1 BACKUP: backup sync daemon again", waitForDaemon("backup"));
        System.out.print(sh("ipvsadm -L --daemon"));
    }

    private static boolean waitForDaemon(String role) throws Exception {
        return poll(() -> {
            String daemons = sh("ipvsadm -L --daemon");
            return daemons.startsWith(role + " sync daemon (mcast=lo, syncid=7,") && daemons.lines().count() == 1;
        });
    }

    /** Polls ipvsadm -Ln of the data path's service. */
    static boolean waitFor(Predicate<String> table) throws Exception {
        boolean ok = poll(() -> table.test(sh("ipvsadm -Ln -t 10.0.0.5:80")));
        if (!ok) {
            System.out.print(sh("ipvsadm -Ln -t 10.0.0.5:80"));
        }
        return ok;
    }

    private static boolean waitForFile(String line) throws Exception {
        return poll(() -> Files.exists(NOTIFIED) && Files.readAllLines(NOTIFIED).contains(line));
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Up to 30 s: a few delay_loops plus the retries, with room for TCG on a loaded machine. */
    static boolean poll(Condition condition) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(500); // every poll runs ipvsadm: processes are dear under TCG
        }
        return condition.holds();
    }

    /** A real server on 8080 with a TCP_CHECK every second and notify scripts appending to a file. */
    private static RealServer checked(String address, boolean inhibit) {
        CheckCommon d = CheckCommon.DEFAULTS;
        CheckCommon common = new CheckCommon(d.connectIp(), d.connectPort(), d.bindTo(), d.bindPort(), Duration.ofSeconds(3),
                1, Duration.ofMillis(500), Optional.empty(), Optional.of(Duration.ofSeconds(1)));
        return new RealServer(ip(address), 8080, 1, Optional.empty(), inhibit, Optional.of(notify("up", address)),
                Optional.of(notify("down", address)), 0, 0, List.<HealthChecker>of(new HealthChecker.TcpCheck(common)));
    }

    /** A notify_up/notify_down line (split like keepalived's, no shell of ours) that appends "WHAT ADDRESS". */
    private static String notify(String what, String address) {
        return "/bin/sh -c 'echo " + what + " " + address + " >> " + NOTIFIED + "'";
    }

    static Revision revision(long n, RealServer... reals) {
        VirtualServer web = new VirtualServer(new ServiceKey.Address(ip("10.0.0.5"), 80), Duration.ofSeconds(1), Scheduler.RR,
                ForwardingMethod.NAT, Optional.empty(), Protocol.TCP, Optional.empty(), false, 1, 0, Optional.empty(),
                Optional.empty(), false, false, false, false, Optional.empty(), SchedulerFlags.NONE, false, List.of(reals));
        GlobalSettings d = GlobalSettings.DEFAULTS;
        GlobalSettings global = new GlobalSettings(d.routerId(), d.notificationEmail(), d.notificationEmailFrom(),
                d.smtpServer(), d.smtpHeloName(), d.smtpConnectTimeout(), d.smtpAlert(), d.scriptUser(),
                d.enableScriptSecurity(), d.vrrp(), d.lvsTimeouts(), Optional.of(new LvsSyncDaemon("lo", "VI_1",
                        OptionalInt.of(7), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty())),
                false, false);
        return new Revision(n, DesiredState.EMPTY.withKeepalived(global, VrrpConfig.EMPTY,
                new LvsConfig(List.of(web), List.of())), Instant.now(), "");
    }

    /** Stands in for the vrrp bundle's VrrpStates (its own tests cover the real one). */
    private static final class StandInVrrp implements VrrpStates {
        private final java.util.Map<String, State> states = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        void set(String instance, State state) {
            states.put(instance, state);
            listeners.forEach(l -> l.stateChanged(instance, state));
        }

        @Override
        public java.util.Map<String, State> current() {
            return java.util.Map.copyOf(states);
        }

        @Override
        public Subscription subscribe(Listener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
