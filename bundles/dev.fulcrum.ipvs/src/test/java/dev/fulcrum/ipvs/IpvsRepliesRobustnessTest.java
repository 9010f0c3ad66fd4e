package dev.fulcrum.ipvs;

import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the kernel (or a corrupted buffer) sends, the IPVS reply decoders return a record or throw
 * {@link MalformedMessageException}; nothing else escapes. Starts from the captured replies.
 */
class IpvsRepliesRobustnessTest {

    @Property(tries = 1000)
    void randomPayloadsDecodeOrFailTyped(@ForAll @Size(max = 160) byte[] payload) {
        decodeEveryWay(new NetlinkMessage(32, 0, 1, 1, payload));
    }

    @Property(tries = 3000)
    void corruptedCapturedRepliesDecodeOrFailTyped(@ForAll("capturedReplies") NetlinkMessage valid,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(max = 10_000) Integer> positions, @ForAll byte value) {
        byte[] payload = valid.payload();
        positions.forEach(p -> payload[GenericMessage.HEADER_LENGTH + p % (payload.length - GenericMessage.HEADER_LENGTH)] = value);
        decodeEveryWay(new NetlinkMessage(valid.type(), valid.flags(), 1, 1, payload));
    }

    @Provide
    Arbitrary<NetlinkMessage> capturedReplies() {
        return Arbitraries.of(List.of("34-list-stats-exact.pcap", "29-list-timeout.pcap", "31-list-daemon.pcap").stream()
                .flatMap(file -> Captures.ipvsReplies(file).stream())
                .filter(m -> m.payload().length > GenericMessage.HEADER_LENGTH).toList());
    }

    private static void decodeEveryWay(NetlinkMessage message) {
        onlyTyped(() -> IpvsReplies.service(message));
        onlyTyped(() -> IpvsReplies.destination(message, IpvsGenl.AF_INET));
        onlyTyped(() -> IpvsReplies.destination(message, IpvsGenl.AF_INET6));
        onlyTyped(() -> IpvsReplies.daemon(message));
        onlyTyped(() -> IpvsReplies.timeouts(message));
        onlyTyped(() -> IpvsReplies.info(message));
    }

    private static void onlyTyped(Decode decode) {
        try {
            decode.run();
        } catch (MalformedMessageException expected) {
            // the one way a decoder may refuse
        }
    }

    @FunctionalInterface
    private interface Decode {
        Object run() throws MalformedMessageException;
    }
}
