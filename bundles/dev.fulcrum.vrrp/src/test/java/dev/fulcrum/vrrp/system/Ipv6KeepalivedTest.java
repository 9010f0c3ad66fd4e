package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VRRPv3 over IPv6 (RFC 5798 section 5.1.2) between Fulcrum and keepalived 2.2.7 on one LAN, in
 * both roles: adverts from the link-local address to ff02::12 win or lose the election, only the
 * master holds the VIP and answers {@code ping -6}, and the new master's unsolicited neighbour
 * advertisement (RFC 4861 section 7.2.6) moves the client's neighbour entry to it without the client
 * sending anything (the kernel sends none of its own: ndisc_notify is 0). With keepalived.conf(5)
 * {@code unicast_src_ip} / {@code unicast_peer} on global IPv6 addresses the pair also fails over.
 */
@SystemTest
class Ipv6KeepalivedTest {

    private static final String VIP = "2001:db8::100";

    @TempDir
    Path directory;

    static String conf(String state, int priority) {
        return """
                vrrp_instance VI_6 {
                    state %s
                    interface e0
                    virtual_router_id 61
                    priority %d
                    advert_int 1
                    version 3
                    virtual_ipaddress {
                        2001:db8::100/64
                    }
                }
                """.formatted(state, priority);
    }

    @Test
    void keepalivedMasterFulcrumBackupTakesOverOnCrashAndAdvertisesTheNeighbour() throws Exception {
        try (VrrpLan lan = ipv6Lan(directory)) {
            Process keepalived = lan.startKeepalived(1, conf("MASTER", 200));
            await("keepalived to hold the IPv6 VIP", () -> holds(lan, 1));
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 100));
            await("Fulcrum to start as backup", () -> fulcrum.states().get("VI_6") == VrrpState.BACKUP);
            holdsFor("Fulcrum stays backup while keepalived advertises over IPv6", 4_000,
                    () -> fulcrum.states().get("VI_6") == VrrpState.BACKUP && !holds(lan, 2));
            assertTrue(pings(lan), "the master answers ping -6 for the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "the VIP resolves to keepalived's host");

            lan.crashKeepalived(keepalived);
            await("Fulcrum to become master after the crash", () -> fulcrum.states().get("VI_6") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> holds(lan, 2));
            assertTrue(lan.host(2).exec("ip", "-6", "-o", "address", "show", "dev", "e0").contains(VIP + "/64 scope "
                    + "global nodad"), "added with nodad, as keepalived does");
            lan.host(1).exec("ip", "address", "del", VIP + "/64", "dev", "e0"); // a crashed keepalived leaves it
            await("the client's neighbour entry to follow Fulcrum's neighbour advertisement",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(pings(lan), "the new master answers ping -6 for the VIP");
        }
    }

    @Test
    void fulcrumMasterKeepalivedBackupTakesOverOnResignation() throws Exception {
        try (VrrpLan lan = ipv6Lan(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 200));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_6") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> holds(lan, 1));
            lan.startKeepalived(2, conf("BACKUP", 100));
            holdsFor("keepalived stays backup while Fulcrum advertises over IPv6", 4_000,
                    () -> !holds(lan, 2) && fulcrum.states().get("VI_6") == VrrpState.MASTER);
            assertTrue(pings(lan), "the master answers ping -6 for the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "the VIP resolves to Fulcrum's host");

            fulcrum.close(); // graceful: priority 0, VIP removed
            await("keepalived to take the VIP over", () -> holds(lan, 2));
            assertFalse(holds(lan, 1), "Fulcrum removed the VIP when it resigned");
            await("the client's neighbour entry to follow keepalived's neighbour advertisement",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(pings(lan), "keepalived answers ping -6 for the VIP");
        }
    }

    @Test
    void unicastPeersOverIpv6FollowKeepalivedThroughCrashFailover() throws Exception {
        try (VrrpLan lan = ipv6Lan(directory)) {
            Process keepalived = lan.startKeepalived(1, unicast("MASTER", 200, "2001:db8::1", "2001:db8::2"));
            await("keepalived to hold the IPv6 VIP", () -> holds(lan, 1));
            VrrpEngine fulcrum = lan.startFulcrum(2, unicast("BACKUP", 100, "2001:db8::2", "2001:db8::1"));
            await("Fulcrum to start as backup", () -> fulcrum.states().get("VI_6") == VrrpState.BACKUP);
            holdsFor("Fulcrum stays backup while keepalived advertises to it over IPv6 unicast", 4_000,
                    () -> fulcrum.states().get("VI_6") == VrrpState.BACKUP && !holds(lan, 2));
            assertEquals(0, fulcrum.router("VI_6").drops().total(), "keepalived's unicast adverts all accepted");

            lan.crashKeepalived(keepalived);
            await("Fulcrum to become master after the crash", () -> fulcrum.states().get("VI_6") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> holds(lan, 2));
            lan.host(1).exec("ip", "address", "del", VIP + "/64", "dev", "e0");
            assertTrue(pings(lan), "the new master answers ping -6 for the VIP");
        }
    }

    /** {@link #conf} with keepalived.conf(5) {@code unicast_src_ip} and one {@code unicast_peer}. */
    private static String unicast(String state, int priority, String source, String peer) {
        String unicast = conf(state, priority).replace("    version 3\n", "    version 3\n    unicast_src_ip "
                + source + "\n    unicast_peer {\n        " + peer + "\n    }\n");
        assertTrue(unicast.contains("unicast_peer {\n        " + peer), unicast);
        return unicast;
    }

    /**
     * The LAN with global addresses 2001:db8::1, ::2 and ::10 (the client), once every link-local
     * address finished duplicate address detection (a tentative one cannot be bound).
     */
    static VrrpLan ipv6Lan(Path directory) throws Exception {
        VrrpLan lan = VrrpLan.create(directory);
        try {
            for (int host = 1; host <= 3; host++) {
                String address = "2001:db8::" + (host == 3 ? 10 : host) + "/64";
                lan.host(host).exec("ip", "-6", "address", "add", address, "dev", "e0", "nodad");
                assertEquals("0", lan.host(host).exec("sysctl", "-n", "net.ipv6.conf.e0.ndisc_notify").strip());
            }
            for (int host = 1; host <= 3; host++) {
                int number = host;
                await("host " + host + "'s link-local address", () -> lan.host(number).exec("ip", "-6", "-o",
                        "address", "show", "dev", "e0", "scope", "link", "-tentative").contains("fe80::"));
            }
            return lan;
        } catch (Exception | AssertionError e) {
            lan.close();
            throw e;
        }
    }

    private static boolean holds(VrrpLan lan, int host) throws IOException {
        return lan.host(host).exec("ip", "-6", "-o", "address", "show", "dev", "e0").contains(" " + VIP + "/");
    }

    private static boolean pings(VrrpLan lan) {
        try {
            lan.client().exec("ping", "-6", "-c1", "-W1", VIP);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
