package dev.fulcrum.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.netlink.genl.GenericMessage;
import dev.fulcrum.netlink.route.RouteCodec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the decoders either decode them or throw {@link MalformedMessageException}:
 * no other exception escapes (no IndexOutOfBounds, BufferUnderflow, NegativeArraySize...).
 */
class DecoderRobustnessTest {

    /** Well-formed datagrams of each kind the decoders meet. */
    private static final List<byte[]> VALID_DATAGRAMS = List.of(
            MessageCodec.encode(new NetlinkMessage(RouteCodec.RTM_NEWLINK, NetlinkFlags.MULTI, 1, 1,
                    concat(new byte[16], new AttributeEncoder().string(3, "va").u32(4, 1500)
                            .nested(18, kind -> kind.string(1, "veth")).toByteArray()))),
            MessageCodec.encode(new NetlinkMessage(RouteCodec.RTM_NEWADDR, 0, 1, 1,
                    concat(new byte[] {2, 24, 0, 0, 3, 0, 0, 0}, new AttributeEncoder().bytes(2, new byte[] {10, 0, 0, 1})
                            .string(3, "va:vip").u32(8, 0x80).toByteArray()))),
            MessageCodec.encode(new NetlinkMessage(0x10, 0, 1, 1, dev.fulcrum.netlink.genl.GenericMessage.payload(1, 2,
                    new AttributeEncoder().u16(1, 0x10).string(2, "nlctrl").nested(7, groups -> groups.nested(1,
                            group -> group.string(1, "notify").u32(2, 0x10))).toByteArray()))),
            Hex.bytes("24000000 0200 0003 05000000 64000000 efffffff 28000000 1400 0506 05000000 64000000"
                    + "0800 0100 62616400"));

    @Property(tries = 2000)
    void randomDatagramsDecodeOrFailTyped(@ForAll @Size(max = 200) byte[] bytes) {
        onlyTyped(() -> {
            for (NetlinkMessage message : MessageCodec.decode(bytes)) {
                decodeEveryWay(message);
            }
        });
    }

    @Property(tries = 2000)
    void randomPayloadsDecodeOrFailTypedWhateverTheirType(@ForAll @Size(max = 120) byte[] payload,
            @ForAll("types") int type, @ForAll @IntRange(max = 0xFFFF) int flags) {
        onlyTyped(() -> decodeEveryWay(new NetlinkMessage(type, flags, 1, 1, payload)));
    }

    /** Valid messages with a few bytes overwritten: closer to real corruption than pure noise. */
    @Property(tries = 2000)
    void corruptedValidMessagesDecodeOrFailTyped(@ForAll("validDatagrams") byte[] valid,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(max = 10_000) Integer> positions, @ForAll byte value) {
        byte[] corrupted = valid.clone();
        positions.forEach(p -> corrupted[p % corrupted.length] = value);
        onlyTyped(() -> {
            for (NetlinkMessage message : MessageCodec.decode(corrupted)) {
                decodeEveryWay(message);
            }
        });
    }

    @Property(tries = 500)
    void encodeThenDecodeIsIdentity(@ForAll("messages") List<NetlinkMessage> messages) throws Exception {
        assertEquals(messages, MessageCodec.decode(MessageCodec.encodeAll(messages)));
    }

    @Property(tries = 500)
    void attributesRoundTrip(@ForAll @Size(max = 8) List<@IntRange(min = 1, max = 0x3FFF) Integer> types,
            @ForAll @Size(max = 8) List<@Size(max = 40) byte[]> values) throws Exception {
        AttributeEncoder encoder = new AttributeEncoder();
        int count = Math.min(types.size(), values.size());
        for (int i = 0; i < count; i++) {
            encoder.bytes(types.get(i), values.get(i));
        }
        List<Attribute> decoded = Attributes.decode(encoder.toByteArray()).list();
        assertEquals(count, decoded.size());
        for (int i = 0; i < count; i++) {
            assertEquals(new Attribute(types.get(i), false, false, values.get(i)), decoded.get(i));
        }
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.of(MessageType.ERROR, MessageType.DONE, 0x10, RouteCodec.RTM_NEWLINK, RouteCodec.RTM_NEWADDR,
                RouteCodec.RTM_DELADDR, 99);
    }

    @Provide
    Arbitrary<List<NetlinkMessage>> messages() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFFFF),
                        Arbitraries.integers(), Arbitraries.integers(), Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                .as(NetlinkMessage::new).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<byte[]> validDatagrams() {
        return Arbitraries.of(VALID_DATAGRAMS);
    }

    private static void decodeEveryWay(NetlinkMessage message) throws MalformedMessageException {
        tryEach(
                () -> Attributes.decode(message.payload()),
                () -> ErrorMessage.decode(message),
                () -> ErrorMessage.ofDone(message, 16),
                () -> dev.fulcrum.netlink.genl.GenericNetlink.decodeFamily(message),
                () -> GenericMessage.decode(message),
                () -> RouteCodec.decodeLink(message),
                () -> RouteCodec.decodeAddress(message),
                () -> NetlinkDump.toString(MessageCodec.encode(message)));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    interface Decoding {
        void run() throws MalformedMessageException;
    }

    /** Runs every decoder; each may fail typed, and one's failure does not stop the next. */
    private static void tryEach(Decoding... decodings) throws MalformedMessageException {
        List<MalformedMessageException> typed = new ArrayList<>();
        for (Decoding decoding : decodings) {
            try {
                decoding.run();
            } catch (MalformedMessageException e) {
                typed.add(e);
            }
        }
    }

    private static void onlyTyped(Decoding decoding) {
        try {
            decoding.run();
        } catch (MalformedMessageException expected) {
            // the one exception a decoder may throw
        }
    }
}
