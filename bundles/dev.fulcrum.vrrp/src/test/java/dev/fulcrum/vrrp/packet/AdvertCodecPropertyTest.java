package dev.fulcrum.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** decode(encode(a)) == a; malformed bytes only ever give a typed Drop. */
class AdvertCodecPropertyTest {

    /** An advert with the envelope it travels in and the checksum variant of both ends. */
    record Case(Advertisement advert, IpEnvelope envelope, boolean v3ChecksumAsV2) {
    }

    @Property
    void decodingAnEncodedAdvertGivesItBack(@ForAll("cases") Case c) {
        AdvertCodec codec = new AdvertCodec(c.v3ChecksumAsV2());
        byte[] bytes = codec.encode(c.advert(), c.envelope());
        Accepted accepted = assertInstanceOf(Accepted.class, codec.decode(c.envelope(), bytes));
        assertEquals(c.advert(), accepted.advert());
    }

    @Property
    void everySingleBitFlipIsDropped(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 10_000) int position) {
        AdvertCodec codec = new AdvertCodec(c.v3ChecksumAsV2());
        byte[] bytes = codec.encode(c.advert(), c.envelope());
        int bit = position % (bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        // The one's complement sum catches every single-bit error the structural checks do not.
        assertInstanceOf(Drop.class, codec.decode(c.envelope(), bytes));
    }

    @Property(tries = 1000)
    void randomBytesNeverThrow(@ForAll @Size(max = 80) byte[] payload, @ForAll("envelopes") IpEnvelope envelope,
            @ForAll boolean asV2) {
        assertNotNull(new AdvertCodec(asV2).decode(envelope, payload));
        ReceiveRules rules = new ReceiveRules(3, 1, !envelope.isIpv4(), 100, Optional.empty(), asV2, List.of(), List.of());
        assertNotNull(new ReceiveValidator(rules).validate(envelope, payload));
    }

    @Property(tries = 1000)
    void headerShapedGarbageNeverThrows(@ForAll("headerShaped") byte[] payload, @ForAll("envelopes") IpEnvelope envelope) {
        ReceiveRules rules = new ReceiveRules(2, 1, !envelope.isIpv4(), 1, Optional.of(AuthData.password("x")), false,
                List.of(), List.of());
        assertNotNull(new ReceiveValidator(rules).validate(envelope, payload));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.oneOf(v2Cases(), v3Cases(true), v3Cases(false));
    }

    @Provide
    Arbitrary<IpEnvelope> envelopes() {
        return Combinators.combine(Arbitraries.of(true, false), addressBytes(16), addressBytes(16),
                Arbitraries.integers().between(0, 255)).as((ipv4, source, destination, ttl) -> new IpEnvelope(
                        address(ipv4 ? Arrays.copyOf(source, 4) : source),
                        address(ipv4 ? Arrays.copyOf(destination, 4) : destination), ttl));
    }

    /** Version 2 or 3, type 1 and a plausible count, so that decoding gets past the first checks. */
    @Provide
    Arbitrary<byte[]> headerShaped() {
        return Combinators.combine(Arbitraries.of(0x21, 0x31), Arbitraries.integers().between(0, 4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(90)).as((first, count, rest) -> {
                    byte[] bytes = Arrays.copyOf(new byte[] {(byte) (int) first, 1, 100, (byte) (int) count},
                            4 + rest.length);
                    System.arraycopy(rest, 0, bytes, 4, rest.length);
                    return bytes;
                });
    }

    private Arbitrary<Case> v2Cases() {
        Arbitrary<AuthData> auth = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.bytes().array(byte[].class).ofSize(AuthData.LENGTH)).as(AuthData::new);
        return Combinators.combine(byteValue(), byteValue(), byteValue(), addresses(4), auth, envelope(4))
                .as((vrid, priority, interval, addresses, authData, envelope) -> new Case(
                        Advertisement.v2(vrid, priority, interval, addresses, authData), envelope, false));
    }

    private Arbitrary<Case> v3Cases(boolean ipv4) {
        int length = ipv4 ? 4 : 16;
        return Combinators.combine(byteValue(), byteValue(), Arbitraries.integers().between(0, 4095),
                addresses(length), envelope(length), Arbitraries.of(true, false))
                .as((vrid, priority, interval, addresses, envelope, asV2) -> new Case(
                        Advertisement.v3(vrid, priority, interval, addresses), envelope, asV2));
    }

    private static Arbitrary<Integer> byteValue() {
        return Arbitraries.integers().between(0, 255);
    }

    private static Arbitrary<List<InetAddress>> addresses(int length) {
        return addressBytes(length).map(AdvertCodecPropertyTest::address).list().ofMinSize(1).ofMaxSize(20);
    }

    private static Arbitrary<IpEnvelope> envelope(int length) {
        return Combinators.combine(addressBytes(length), addressBytes(length))
                .as((source, destination) -> new IpEnvelope(address(source), address(destination), 255));
    }

    private static Arbitrary<byte[]> addressBytes(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
