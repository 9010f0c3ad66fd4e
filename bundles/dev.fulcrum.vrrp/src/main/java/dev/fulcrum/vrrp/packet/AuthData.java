package dev.fulcrum.vrrp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The VRRPv2 authentication fields: Auth Type (byte 5) and the 8 bytes of Authentication Data
 * after the addresses. RFC 3768 section 5.3.6 reserves types 1 and 2; keepalived still speaks
 * their RFC 2338 meaning: 1 = simple text password (RFC 2338 section 5.3.6.1), 2 = IP AH.
 */
public record AuthData(int type, byte[] data) {

    public static final int NONE = 0;
    public static final int SIMPLE_TEXT = 1;
    public static final int IP_AH = 2;
    /** RFC 3768 section 5.3.10: Authentication Data is 8 octets. */
    public static final int LENGTH = 8;

    public static final AuthData ABSENT = new AuthData(NONE, new byte[LENGTH]);

    public AuthData {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("auth type must be 0..255: " + type);
        }
        if (data.length != LENGTH) {
            throw new IllegalArgumentException("authentication data must be " + LENGTH + " bytes: " + data.length);
        }
        data = data.clone();
    }

    /**
     * keepalived.conf(5) {@code auth_pass}: "Only the first eight (8) characters are used"; shorter
     * passwords are padded with zero bytes (RFC 2338 section 5.3.6.1).
     */
    public static AuthData password(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.ISO_8859_1);
        return new AuthData(SIMPLE_TEXT, Arrays.copyOf(bytes, LENGTH));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthData that && type == that.type && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "AuthData[type=" + type + ", data=***]";
    }
}
