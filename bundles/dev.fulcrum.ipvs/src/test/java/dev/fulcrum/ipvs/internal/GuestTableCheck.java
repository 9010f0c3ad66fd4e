package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsErrorException;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsTimeouts;
import dev.fulcrum.ipvs.SyncDaemon;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel-tier check, run by {@code src/test/guest/table-check.sh} inside the kernel rig's QEMU
 * guest (a real 6.1 kernel with IPVS, ipvsadm from the host): the subsystem applies revisions over a
 * real netlink socket and, after each, {@code fulcrum:ipvs} must print exactly what {@code ipvsadm -Ln}
 * (--stats, --rate, --persistent-conn, -L --timeout, -L --daemon) prints; drift after {@code ipvsadm -D} is repaired; a foreign service survives;
 * kernel errors are typed; timeouts and the sync daemon round-trip; tunnel types reach the kernel; real
 * checkers drive the NAT data path ({@link GuestHealthCheck}); a restarted subsystem still removes the
 * services it created (the state directory). This host has no IPVS, so it runs
 * only in the guest, started by the kernel-tier test {@link IpvsKernelTableTest}. Exit status 0 when every
 * check passed.
 */
public final class GuestTableCheck {
    private static int failures;
    /** The state directory's ipvs/ folder, emptied at the start of each run. */
    private static final java.nio.file.Path STATE = java.nio.file.Path.of("/tmp/fulcrum-state/ipvs");

    private GuestTableCheck() {
    }

    public static void main(String[] args) throws Exception {
        sh("rm -rf " + STATE.getParent());
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        // As in the runtime: health verdicts and VRRP changes reach the table on a thread of the subsystem.
        IpvsSubsystem subsystem = new IpvsSubsystem(() -> new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC), log::add,
                false, java.util.concurrent.Executors.newSingleThreadExecutor(), Optional.of(STATE));
        System.out.println("status: " + subsystem.status());
        IpvsCommand command = new IpvsCommand(subsystem);
        IpvsClient client = subsystem.client().orElseThrow();
        sh("ipvsadm -A -t 10.9.9.9:80 -s rr"); // foreign service, never ours

        RealServer a = real("192.168.1.11", 8080, 1);
        RealServer b = real("192.168.1.12", 8080, 1);
        VirtualServer nat = vs(new ServiceKey.Address(ip("10.0.0.1"), 80), Scheduler.RR, ForwardingMethod.NAT, Protocol.TCP,
                Optional.empty(), SchedulerFlags.NONE, a, b);
        VirtualServer fwm = vs(new ServiceKey.Fwmark(7), Scheduler.WLC, ForwardingMethod.DR, Protocol.TCP,
                Optional.of(new Persistence(Duration.ofSeconds(300), Optional.of(ip("255.255.255.0")))), SchedulerFlags.NONE,
                real("192.168.1.23", 0, 10));
        VirtualServer v6 = vs(new ServiceKey.Address(ip("2001:db8::1"), 443), Scheduler.MH, ForwardingMethod.TUN, Protocol.TCP,
                Optional.empty(), new SchedulerFlags(true, true, false), real("2001:db8::10", 443, 3));
        VirtualServer udp = vs(new ServiceKey.Address(ip("10.0.0.1"), 53), Scheduler.SH, ForwardingMethod.NAT, Protocol.UDP,
                Optional.empty(), new SchedulerFlags(true, false, false), real("192.168.1.21", 5353, 2));
        VirtualServer sctp = vs(new ServiceKey.Address(ip("10.0.0.1"), 5060), Scheduler.SED, ForwardingMethod.DR, Protocol.SCTP,
                Optional.empty(), SchedulerFlags.NONE, real("192.168.1.22", 5060, 1));

        VirtualServer tun = tunnelled();
        check("revision 1 applied", subsystem.reconcile(revision(1, nat, fwm, v6, udp, sctp, tun)).isApplied());
        compare(command, "revision 1");
        String saved = sh("ipvsadm -Sn");
        check("tunnel types programmed (lvs_method TUN type ...):\n" + saved,
                saved.contains("-r 192.168.1.31:8443 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum")
                && saved.contains("-r 192.168.1.32:8443 -i -w 1 --tun-type gre --tun-csum"));
        check("revision 1 again sends nothing", subsystem.reconcile(revision(2, nat, fwm, v6, udp, sctp, tun)).isApplied());

        VirtualServer nat2 = vs(new ServiceKey.Address(ip("10.0.0.1"), 80), Scheduler.WRR, ForwardingMethod.NAT, Protocol.TCP,
                Optional.empty(), SchedulerFlags.NONE, a, real("192.168.1.13", 8080, 5));
        check("revision 3 applied", subsystem.reconcile(revision(3, nat2, fwm, v6)).isApplied());
        compare(command, "revision 3");

        sh("ipvsadm -D -t 10.0.0.1:80");
        LvsTableReconciler.Outcome repaired = subsystem.repairDrift().orElseThrow();
        check("drift repaired with 3 changes", repaired.applied().size() == 3);
        compare(command, "after drift repair");
        System.out.println("log: " + log);

        try {
            client.addService(IpvsService.of(new IpvsKey.Address(Protocol.TCP, ip("10.9.9.9"), 80), "rr"));
            check("duplicate refused", false);
        } catch (IpvsErrorException e) {
            check("duplicate is ALREADY_EXISTS: " + e.getMessage(), e.kind() == IpvsErrorException.Kind.ALREADY_EXISTS);
        }
        try {
            client.addService(IpvsService.of(new IpvsKey.Address(Protocol.TCP, ip("10.9.9.8"), 80), "nosuch"));
            check("unknown scheduler refused", false);
        } catch (IpvsErrorException e) {
            check("unknown scheduler is NOT_FOUND: " + e.getMessage(), e.kind() == IpvsErrorException.Kind.NOT_FOUND);
        }

        client.setTimeouts(new IpvsTimeouts(900, 120, 300));
        check("timeouts " + client.timeouts(), client.timeouts().equals(new IpvsTimeouts(900, 120, 300)));
        check("ipvsadm --timeout", sh("ipvsadm -L --timeout").equals("Timeout (tcp tcpfin udp): 900 120 300\n"));
        sh("ip link set lo multicast on");
        client.startDaemon(new SyncDaemon(SyncDaemon.Role.MASTER, "lo", 5, 0, Optional.empty(), 0, 0));
        check("daemons " + client.daemons(), client.daemons().size() == 1 && client.daemons().get(0).syncId() == 5);
        compare(command, "sync daemon running");
        client.stopDaemon(SyncDaemon.Role.MASTER);
        check("daemon stopped", client.daemons().isEmpty());

        check("revision 4 (empty) applied", subsystem.reconcile(revision(4)).isApplied());
        String left = sh("ipvsadm -Ln");
        check("only the foreign service is left:\n" + left, left.contains("10.9.9.9:80") && !left.contains("10.0.0.1"));
        compare(command, "revision 4");
        dataPath(subsystem, log);
        afterRestart(log);
        System.out.println(failures == 0 ? "ALL CHECKS PASSED" : failures + " CHECKS FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * NAT end to end: a client namespace -> VIP 10.0.0.5:80 on the guest (the director) -> two
     * real-server namespaces that answer with their names; rr alternates, a real server the health
     * verdict takes down gets no new connections, and gets them again once it is back up.
     */
    static void dataPath(IpvsSubsystem subsystem, List<String> log) throws Exception {
        sh("sysctl -qw net.ipv4.ip_forward=1; ip addr add 10.0.0.5/32 dev lo");
        for (String[] host : new String[][] {{"client", "1"}, {"a", "2"}, {"b", "3"}}) {
            String ns = host[0];
            String n = host[1];
            sh("ip netns add " + ns + " && ip link add to-" + ns + " type veth peer name eth0 netns " + ns
                    + " && ip addr add 10." + n + ".0.1/24 dev to-" + ns + " && ip link set to-" + ns + " up"
                    + " && ip -n " + ns + " link set lo up && ip -n " + ns + " addr add 10." + n + ".0.2/24 dev eth0"
                    + " && ip -n " + ns + " link set eth0 up && ip -n " + ns + " route add default via 10." + n + ".0.1");
        }
        Process[] listeners = {listen("a"), listen("b")};
        RealServer a = real("10.2.0.2", 8080, 1);
        RealServer b = real("10.3.0.2", 8080, 1);
        VirtualServer web = vs(new ServiceKey.Address(ip("10.0.0.5"), 80), Scheduler.RR, ForwardingMethod.NAT, Protocol.TCP,
                Optional.empty(), SchedulerFlags.NONE, a, b);
        check("revision 5 (NAT data path) applied", subsystem.reconcile(revision(5, web)).isApplied());
        String both = requests(4);
        check("rr alternates between the real servers: " + both, both.equals("abab") || both.equals("baba"));
        subsystem.healthChanged((v, r) -> r.equals(a));
        String onlyA = requests(3);
        check("a real server marked down gets no new connections: " + onlyA, onlyA.equals("aaa"));
        subsystem.healthChanged((v, r) -> true);
        String again = requests(4);
        check("back up, it takes connections again: " + again, again.equals("abab") || again.equals("baba"));
        GuestHealthCheck.run(subsystem, log, listeners);
        for (Process listener : listeners) {
            listener.destroy();
        }
    }

    /**
     * A second subsystem on the same state directory, as after a restart: it still deletes the service
     * the first one created (10.0.0.5:80, from the data path) once a revision drops it, and still leaves
     * the foreign 10.9.9.9:80 alone.
     */
    static void afterRestart(List<String> log) throws Exception {
        check("owned services kept: " + java.nio.file.Files.readAllLines(STATE.resolve(OwnedServicesFile.NAME)),
                java.nio.file.Files.readAllLines(STATE.resolve(OwnedServicesFile.NAME)).contains("TCP 10.0.0.5:80"));
        IpvsSubsystem restarted = new IpvsSubsystem(() -> new JnaNetlinkConnector().open(NetlinkProtocol.GENERIC), log::add,
                false, Runnable::run, Optional.of(STATE));
        check("after a restart, revision 8 (empty) applied", restarted.reconcile(revision(8)).isApplied());
        String left = sh("ipvsadm -Ln");
        check("after a restart Fulcrum still removes its service and keeps the foreign one:\n" + left,
                !left.contains("10.0.0.5:80") && left.contains("10.9.9.9:80"));
        restarted.deactivate();
    }

    /** A real server in namespace {@code ns} answering HTTP on 8080 with its name (busybox nc, one process). */
    static Process listen(String ns) throws Exception {
        java.nio.file.Path reply = java.nio.file.Path.of("/tmp/reply-" + ns);
        java.nio.file.Files.writeString(reply, "#!/bin/sh\nprintf 'HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\n"
                + ns + "\\n'\n");
        check("reply script for " + ns, reply.toFile().setExecutable(true));
        // ip netns exec execs nc itself: destroying this process stops the listener.
        return new ProcessBuilder("ip", "netns", "exec", ns, "/bin/busybox", "nc", "-ll", "-p", "8080", "-e", "/tmp/reply-" + ns)
                .redirectErrorStream(true).start();
    }

    /** TUN with GUE (port 6080, csum) for the real servers, one of which has its own GRE tunnel. */
    static VirtualServer tunnelled() {
        RealServer gre = new RealServer(ip("192.168.1.32"), 8443, 1, Optional.of(ForwardingMethod.TUN), false,
                Optional.empty(), Optional.empty(), 0, 0, List.of(), Optional.of(new Tunnel(Tunnel.Type.GRE, 0,
                        Tunnel.Checksum.CSUM)));
        return new VirtualServer(new ServiceKey.Address(ip("10.0.0.1"), 8443), Duration.ofSeconds(60), Scheduler.WRR,
                ForwardingMethod.TUN, Optional.empty(), Protocol.TCP, Optional.empty(), false, 1, 0, Optional.empty(),
                Optional.empty(), false, false, false, false, Optional.empty(), SchedulerFlags.NONE, false,
                List.of(real("192.168.1.31", 8443, 1), gre), Optional.of(new Tunnel(Tunnel.Type.GUE, 6080,
                        Tunnel.Checksum.CSUM)));
    }

    /** The first letter of each answer through the VIP; retried while the servers start listening. */
    static String requests(int count) throws Exception {
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String answer = "";
            for (int attempt = 0; attempt < 25 && answer.isEmpty(); attempt++) {
                answer = sh("ip netns exec client curl -sf --max-time 5 http://10.0.0.5/").trim();
                if (answer.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            answers.append(answer.isEmpty() ? "-" : answer.substring(0, 1));
        }
        return answers.toString();
    }

    static void compare(IpvsCommand command, String when) throws Exception {
        for (String[] mode : new String[][] {{"-Ln"}, {"-Ln", "--stats"}, {"-Ln", "--rate"}, {"-Ln", "--persistent-conn"},
                {"-L", "--timeout"}, {"-L", "--daemon"}}) {
            String ours = command.ipvs(mode);
            String theirs = sh("ipvsadm " + String.join(" ", mode));
            check(when + ": fulcrum:ipvs " + String.join(" ", mode) + " == ipvsadm", ours.equals(theirs));
            if (!ours.equals(theirs)) {
                System.out.println("--- ours\n" + ours + "--- ipvsadm\n" + theirs);
            }
        }
    }

    static void check(String what, boolean ok) {
        System.out.println((ok ? "CHECK ok   " : "CHECK FAIL ") + what);
        if (!ok) {
            failures++;
        }
    }

    static String sh(String cmd) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static Revision revision(long n, VirtualServer... vs) {
        return new Revision(n, DesiredState.EMPTY.withKeepalived(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY,
                new LvsConfig(List.of(vs), List.of())), Instant.now(), "");
    }

    static VirtualServer vs(ServiceKey key, Scheduler s, ForwardingMethod f, Protocol p, Optional<Persistence> pers,
            SchedulerFlags flags, RealServer... reals) {
        return new VirtualServer(key, Duration.ofSeconds(60), s, f, pers, p, Optional.empty(), false, 1, 0, Optional.empty(),
                Optional.empty(), false, false, false, false, Optional.empty(), flags, false, List.of(reals));
    }

    static RealServer real(String a, int port, int w) {
        return new RealServer(ip(a), port, w, Optional.empty(), false, Optional.empty(), Optional.empty(), 0, 0, List.of());
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
