package dev.fulcrum.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import dev.fulcrum.testing.NetworkNamespace;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * System tier: rtnetlink through real AF_NETLINK sockets opened (setns) inside a namespace this test
 * creates with a veth pair, checked against iproute2's own view ({@code ip -j}).
 */
@SystemTest
class RouteNetlinkSystemTest {

    /** A bound for waiting on the kernel's notifications; they normally arrive within milliseconds. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JnaNetlinkConnector connector = new JnaNetlinkConnector();
    private NetworkNamespace namespace;
    private Connection connection;
    private RouteNetlink route;

    @BeforeEach
    void namespaceWithAVethPair() throws IOException {
        namespace = NetworkNamespace.create("rtnl");
        namespace.exec("ip", "link", "add", "va", "type", "veth", "peer", "name", "vb");
        namespace.exec("ip", "link", "set", "dev", "va", "up");
        connection = connector.open(NetlinkProtocol.ROUTE, Namespace.named(namespace.name()));
        route = new RouteNetlink(connection);
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        if (connection != null) {
            connection.close();
        }
        String name = namespace.name();
        namespace.close();
        assertFalse(NetworkNamespace.exists(name), "namespace " + name + " left behind");
    }

    @Test
    void aDumpOfLinksReturnsTheSameLinksAsIpLink() throws Exception {
        JsonNode ipLinks = ip("-j", "-d", "link", "show");
        List<Link> links = route.links();

        Set<String> expected = new TreeSet<>();
        ipLinks.forEach(l -> expected.add(l.get("ifindex").asInt() + " " + l.get("ifname").asText() + " mtu "
                + l.get("mtu").asInt() + " " + l.path("address").asText() + " " + (l.get("flags").toString().contains("\"UP\"") ? "up" : "down")));
        Set<String> actual = new TreeSet<>();
        links.forEach(l -> actual.add(l.index() + " " + l.name() + " mtu " + l.mtu() + " " + l.hardwareAddress() + " "
                + (l.isUp() ? "up" : "down")));
        assertEquals(expected, actual);
        assertEquals(Set.of("lo", "va", "vb"), Set.copyOf(links.stream().map(Link::name).toList()));

        Link va = route.link("va").orElseThrow();
        assertEquals(Optional.of("veth"), va.kind());
        assertEquals(va.index(), route.indexOf("va"));
        assertEquals(Optional.empty(), route.link("nosuchlink"));
        assertThrows(NetlinkException.class, () -> route.indexOf("nosuchlink"));
    }

    @Test
    void addsListsAndDeletesIpv4AndIpv6AddressesWithLabelAndScope() throws Exception {
        int va = route.indexOf("va");
        Address v4 = new Address(va, InetAddress.getByName("10.9.8.7"), 24, AddressScope.UNIVERSE, Optional.of("va:vip"), 0);
        Address v4Link = new Address(va, InetAddress.getByName("169.254.3.4"), 16, AddressScope.LINK, Optional.empty(), 0);
        Address v6 = new Address(va, InetAddress.getByName("fd00:1::7"), 64, AddressScope.UNIVERSE, Optional.empty(),
                Address.F_NODAD);
        route.addAddress(v4);
        route.addAddress(v4Link);
        route.addAddress(v6);

        // What iproute2 sees, address by address.
        List<String> ipView = new ArrayList<>();
        for (JsonNode info : ip("-j", "addr", "show", "dev", "va").get(0).get("addr_info")) {
            if (!info.path("local").asText().startsWith("fe80")) {
                ipView.add(InetAddress.getByName(info.get("local").asText()).getHostAddress() + "/" + info.get("prefixlen").asInt()
                        + " scope " + info.get("scope").asText() + " label " + info.path("label").asText("-"));
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "10.9.8.7/24 scope global label va:vip",
                "169.254.3.4/16 scope link label va",
                InetAddress.getByName("fd00:1::7").getHostAddress() + "/64 scope global label -")), new TreeSet<>(ipView));

        // What this library lists back.
        List<String> listed = new ArrayList<>();
        for (Address a : route.addresses(va)) {
            if (!a.address().isLinkLocalAddress() || a.isIpv4()) {
                listed.add(a.cidr() + " scope " + a.scope() + " label " + a.label().orElse("-"));
            }
        }
        assertEquals(new TreeSet<>(ipView), new TreeSet<>(listed));
        Address listedV6 = route.addresses(va).stream().filter(a -> a.address().equals(v6.address())).findFirst().orElseThrow();
        assertTrue((listedV6.flags() & Address.F_NODAD) != 0, "IFA_F_NODAD kept: " + listedV6.flags());

        route.deleteAddress(v4);
        route.deleteAddress(v4Link);
        route.deleteAddress(v6);
        String remaining = namespace.exec("ip", "-o", "addr", "show", "dev", "va");
        assertFalse(remaining.contains("10.9.8.7") || remaining.contains("169.254.3.4") || remaining.contains("fd00:1::7"), remaining);
        assertTrue(route.addresses(va).stream().noneMatch(a -> a.address().equals(v4.address()) || a.address().equals(v6.address())));
    }

    @Test
    void addingAnAddressTwiceIsEexistAndDeletingAMissingOneIsEaddrnotavail() throws Exception {
        Address address = Address.of(route.indexOf("va"), InetAddress.getByName("10.20.30.40"), 32);
        route.addAddress(address);
        NetlinkErrorException twice = assertThrows(NetlinkErrorException.class, () -> route.addAddress(address));
        assertEquals("EEXIST", twice.errnoName());
        assertTrue(twice.getMessage().startsWith("adding address 10.20.30.40/32 to link "), twice.getMessage());

        route.deleteAddress(address);
        NetlinkErrorException missing = assertThrows(NetlinkErrorException.class, () -> route.deleteAddress(address));
        assertEquals("EADDRNOTAVAIL", missing.errnoName());
    }

    @Test
    void linkUpAndDownEventsArriveWhenIpSetsTheLinkDownAndUp() throws Exception {
        try (LinkEvents events = LinkEvents.subscribe(connector.open(NetlinkProtocol.ROUTE, Namespace.named(namespace.name())))) {
            namespace.exec("ip", "link", "set", "dev", "va", "down");
            assertTrue(awaitEvent(events, e -> e.link().name().equals("va") && !e.link().isUp()), "no down event for va");
            namespace.exec("ip", "link", "set", "dev", "va", "up");
            assertTrue(awaitEvent(events, e -> e.link().name().equals("va") && e.link().isUp()), "no up event for va");
            namespace.exec("ip", "link", "del", "dev", "vb");
            assertTrue(awaitEvent(events, e -> e.kind() == LinkEvent.Kind.REMOVED && e.link().name().equals("vb")),
                    "no removal event for vb");
            assertEquals(0, events.droppedMessages());
        }
    }

    @Test
    void closingEventsFromAnotherThreadEndsAPollerWithAClearError() throws Exception {
        LinkEvents events = LinkEvents.subscribe(connector.open(NetlinkProtocol.ROUTE, Namespace.named(namespace.name())));
        CompletableFuture<NetlinkException> poller = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    events.poll(Duration.ofMillis(100));
                }
            } catch (NetlinkException e) {
                return e;
            }
        });
        events.close();
        assertEquals("netlink socket is closed", poller.get(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS).getMessage());
    }

    @Test
    void setLinkUpChangesWhatIpSees() throws Exception {
        int vb = route.indexOf("vb");
        route.setLinkUp(vb, true);
        assertTrue(ip("-j", "link", "show", "dev", "vb").get(0).get("flags").toString().contains("\"UP\""));
        assertTrue(route.link("vb").orElseThrow().isUp());
        route.setLinkUp(vb, false);
        assertFalse(ip("-j", "link", "show", "dev", "vb").get(0).get("flags").toString().contains("\"UP\""));
        NetlinkErrorException noSuchLink = assertThrows(NetlinkErrorException.class, () -> route.setLinkUp(9999, true));
        assertEquals("ENODEV", noSuchLink.errnoName());
    }

    @Test
    void theKernelsExtendedAckMessageComesWithTheErrno() throws Exception {
        // inet_rtm_newaddr (net/ipv4/devinet.c) explains an unknown ifa_index with NL_SET_ERR_MSG.
        NetlinkErrorException error = assertThrows(NetlinkErrorException.class,
                () -> route.addAddress(Address.of(9999, InetAddress.getByName("10.1.1.1"), 24)));
        assertEquals("ENODEV", error.errnoName());
        assertTrue(error.extendedMessage().isPresent(), "NETLINK_EXT_ACK is on: " + error.getMessage());
        assertTrue(error.getMessage().endsWith(": " + error.extendedMessage().get()), error.getMessage());
    }

    @Test
    void aSocketOpenedInTheNamespaceOfAProcessSeesThatNamespace() throws Exception {
        Process sleeper = new ProcessBuilder("ip", "netns", "exec", namespace.name(), "sleep", "60").start();
        try {
            long pid = awaitChildSleep(sleeper);
            try (Connection byPid = connector.open(NetlinkProtocol.ROUTE, Namespace.ofProcess(pid))) {
                assertEquals(Set.of("lo", "va", "vb"),
                        Set.copyOf(new RouteNetlink(byPid).links().stream().map(Link::name).toList()));
            }
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor();
        }
    }

    private boolean awaitEvent(LinkEvents events, Predicate<LinkEvent> wanted) throws NetlinkException {
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (events.poll(Duration.ofMillis(200)).stream().anyMatch(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** ip netns exec joins the namespace, then execs sleep: once the process is "sleep" it is inside. */
    private static long awaitChildSleep(Process process) throws IOException, InterruptedException {
        Path comm = Path.of("/proc", Long.toString(process.pid()), "comm");
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(comm).strip().equals("sleep")) {
                return process.pid();
            }
            Thread.sleep(10);
        }
        throw new IOException("ip netns exec did not exec sleep within " + EVENT_WAIT);
    }

    private JsonNode ip(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        return JSON.readTree(namespace.exec(command.toArray(String[]::new)));
    }
}
