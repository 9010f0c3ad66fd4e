package dev.fulcrum.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** One captured advert of src/test/resources/golden (see the README there): IP header fields and payload. */
record GoldenAdvert(String name, IpEnvelope envelope, byte[] payload) {

    static GoldenAdvert load(String name) {
        try (InputStream in = GoldenAdvert.class.getResourceAsStream("/golden/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            IpEnvelope envelope = new IpEnvelope(InetAddress.getByName(fields.get("source")),
                    InetAddress.getByName(fields.get("destination")), Integer.parseInt(fields.get("ttl")));
            return new GoldenAdvert(name, envelope, HexFormat.of().parseHex(fields.get("payload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
