package dev.fulcrum.api.model.vrrp;

import java.util.Objects;

/**
 * keepalived.conf(5) vrrp_instance {@code authentication { auth_type PASS|AH; auth_pass ... }}
 * (VRRPv2 only; RFC 3768 section 5.3.6).
 *
 * @param password 1..8 characters ("Only the first eight (8) characters are used")
 */
public record Authentication(Type type, String password) {

    public static final int MAX_PASSWORD_LENGTH = 8;

    /** {@code auth_type}: simple password or IPSEC AH. */
    public enum Type {
        PASS,
        AH
    }

    public Authentication {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be 1.." + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Authentication[type=" + type + ", password=***]";
    }
}
