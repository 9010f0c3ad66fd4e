package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.vrrp.packet.AdvertCodec;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.Checksums;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's {@code receive} event: an advert on the wire as the instance's peer would send it,
 * with optional damage. Keys: from, to, ttl, priority, version, vrid, interval, addresses, type, count,
 * auth (none | PASSWORD | type:N), truncate, append, checksum (good | bad | message-only | pseudo-header).
 * The checksum is recomputed after the damage, so that the check under test, not the checksum,
 * refuses the packet.
 */
record ReceivedPacket(IpEnvelope envelope, byte[] payload) {

    static ReceivedPacket parse(Arguments args, RouterSettings settings) {
        InetAddress from = ScenarioSettings.address(args, args.required("from"));
        String defaultTo = from.getAddress().length == 4 ? "224.0.0.18" : "ff02::12"; // RFC 5798 section 5.1.1.2 / 5.1.2.2
        IpEnvelope envelope = new IpEnvelope(from, ScenarioSettings.address(args, args.string("to", defaultTo)),
                args.integer("ttl", IpEnvelope.VRRP_TTL));
        int version = args.integer("version", settings.version());
        // A version the packet cannot really have (4, or 2 over IPv6) is patched into the instance's format.
        boolean genuine = version == 3 || version == 2 && envelope.isIpv4();
        int encodeVersion = genuine ? version : settings.version();
        int vrid = args.integer("vrid", settings.virtualRouterId());
        int priority = args.integer("priority", settings.priority());
        int interval = args.integer("interval", encodeVersion == settings.version() ? settings.advertIntervalField()
                : encodeVersion == 2 ? 1 : 100);
        List<InetAddress> addresses = settings.virtualAddresses().stream().map(v -> v.address()).toList();
        String listed = args.string("addresses", null);
        if (listed != null) {
            addresses = Arrays.stream(listed.split(",")).map(a -> ScenarioSettings.address(args, a)).toList();
        }
        Advertisement advert;
        try {
            advert = encodeVersion == 2
                    ? Advertisement.v2(vrid, priority, interval, addresses, auth(args, settings))
                    : new Advertisement(3, vrid, priority, interval, addresses, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw args.error("cannot build the advert: " + e.getMessage());
        }
        byte[] bytes = new AdvertCodec(settings.v3ChecksumAsV2()).encode(advert, envelope);
        bytes[0] = (byte) (version << 4 | args.integer("type", AdvertCodec.TYPE_ADVERTISEMENT));
        bytes[3] = (byte) args.integer("count", addresses.size());
        bytes = Arrays.copyOf(bytes, args.integer("truncate", bytes.length) + args.integer("append", 0));
        if (bytes.length >= AdvertCodec.HEADER_LENGTH) {
            String style = args.string("checksum", "good");
            boolean asV2 = switch (style) {
                case "good", "bad" -> settings.v3ChecksumAsV2();
                case "message-only" -> true;
                case "pseudo-header" -> false;
                default -> throw args.error("checksum=" + style + ": good, bad, message-only or pseudo-header");
            };
            int checksum = Checksums.compute(encodeVersion, envelope, bytes, asV2);
            if (style.equals("bad")) {
                checksum ^= 0x5a5a;
            }
            bytes[Checksums.OFFSET] = (byte) (checksum >> 8);
            bytes[Checksums.OFFSET + 1] = (byte) checksum;
        }
        return new ReceivedPacket(envelope, bytes);
    }

    private static AuthData auth(Arguments args, RouterSettings settings) {
        String auth = args.string("auth", null);
        if (auth == null) {
            return settings.authentication().orElse(AuthData.ABSENT);
        }
        if (auth.equals("none")) {
            return AuthData.ABSENT;
        }
        if (auth.startsWith("type:")) {
            try {
                return new AuthData(Integer.parseInt(auth.substring(5)), new byte[AuthData.LENGTH]);
            } catch (IllegalArgumentException e) {
                throw args.error("auth=" + auth + ": " + e.getMessage());
            }
        }
        return AuthData.password(auth);
    }
}
