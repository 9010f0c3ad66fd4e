package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.ipvs.Captures;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.IpvsInfo;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsReplies;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.netlink.NetlinkFlags;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import dev.fulcrum.netlink.genl.GenericNetlink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The formatter against ipvsadm itself: the kernel's replies captured while ipvsadm listed the table
 * are decoded and formatted, and must print exactly what ipvsadm printed in the same run.
 */
class IpvsListingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"32-list, LIST, false", "33-list-stats, STATS, false", "34-list-stats-exact, STATS, true",
            "35-list-rate, RATE, false", "39-list-persistent-conn, PERSISTENT, false"})
    void printsWhatIpvsadmPrinted(String capture, IpvsListing.Mode mode, boolean exact) throws Exception {
        Decoded table = decode(capture + ".pcap");

        assertEquals(Captures.text(capture + ".txt"), IpvsListing.format(table.info, table.services, mode, exact));
    }

    @Test
    void timeoutsAndDaemonsPrintAsIpvsadmPrintedThem() throws Exception {
        NetlinkMessage config = Captures.ipvsReplies("29-list-timeout.pcap").stream()
                .filter(m -> m.payload()[0] == IpvsGenl.CMD_SET_CONFIG).findFirst().orElseThrow();
        NetlinkMessage daemon = Captures.ipvsReplies("31-list-daemon.pcap").stream()
                .filter(m -> m.payload()[0] == IpvsGenl.CMD_NEW_DAEMON).findFirst().orElseThrow();

        assertEquals(Captures.text("29-list-timeout.txt"), IpvsListing.timeouts(IpvsReplies.timeouts(config)));
        assertEquals(Captures.text("31-list-daemon.txt"), IpvsListing.daemons(List.of(IpvsReplies.daemon(daemon))));
    }

    @Test
    void largeNumbersAreAbbreviatedUnlessExact() {
        assertEquals(" 99999999", IpvsListing.number(99_999_999L, false));
        assertEquals("  100000K", IpvsListing.number(100_000_000L, false));
        assertEquals("    1000M", IpvsListing.number(1_000_000_000L, false));
        assertEquals(" 1000000000", IpvsListing.number(1_000_000_000L, true));
        assertEquals("     100T", IpvsListing.number(100_000_000_000_000L, false));
    }

    record Decoded(IpvsInfo info, Map<IpvsService, List<IpvsDestination>> services) {
    }

    /** Replies in capture order: GET_DEST requests say which service the following parts belong to. */
    static Decoded decode(String capture) throws Exception {
        IpvsInfo info = null;
        Map<IpvsKey, IpvsService> services = new LinkedHashMap<>();
        Map<IpvsKey, List<IpvsDestination>> destinations = new LinkedHashMap<>();
        IpvsKey current = null;
        for (NetlinkMessage message : Captures.messages(capture)) {
            if (message.type() == GenericNetlink.CONTROLLER_ID || message.type() < 0x10) {
                continue;
            }
            GenericMessage generic = GenericMessage.decode(message);
            if (message.hasFlag(NetlinkFlags.REQUEST)) {
                if (generic.command() == IpvsGenl.CMD_GET_DEST) {
                    current = IpvsReplies.key(generic.attributes().required(IpvsGenl.CMD_ATTR_SERVICE, "svc").nestedAttributes());
                }
                continue;
            }
            switch (generic.command()) {
                case IpvsGenl.CMD_SET_INFO -> info = IpvsReplies.info(message);
                case IpvsGenl.CMD_NEW_SERVICE -> {
                    IpvsService service = IpvsReplies.service(message);
                    services.put(service.key(), service);
                }
                case IpvsGenl.CMD_NEW_DEST -> destinations.computeIfAbsent(current, k -> new ArrayList<>())
                        .add(IpvsReplies.destination(message, current.family()));
                default -> throw new AssertionError("unexpected reply command " + generic.command());
            }
        }
        Map<IpvsService, List<IpvsDestination>> table = new LinkedHashMap<>();
        services.forEach((key, service) -> table.put(service, destinations.getOrDefault(key, List.of())));
        return new Decoded(info, table);
    }
}
