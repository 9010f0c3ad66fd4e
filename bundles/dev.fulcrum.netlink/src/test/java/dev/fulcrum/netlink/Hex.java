package dev.fulcrum.netlink;

import java.util.HexFormat;

/**
 * Golden bytes written as hex with spaces for readability. Netlink headers are in host byte order:
 * the golden values here are little-endian, the order of x86-64 and arm64 (the appliance's hosts).
 */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replaceAll("\\s+", ""));
    }

    /** Compares bytes with golden hex that is spaced for reading. */
    public static void assertHex(String expectedSpaced, byte[] actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expectedSpaced.replaceAll("\\s+", ""), of(actual));
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
