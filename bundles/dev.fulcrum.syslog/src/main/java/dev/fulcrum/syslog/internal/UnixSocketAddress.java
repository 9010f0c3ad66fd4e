package dev.fulcrum.syslog.internal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Encodes struct sockaddr_un (linux/un.h) for a filesystem path. */
final class UnixSocketAddress {

    private UnixSocketAddress() {
    }

    /** sun_family in host byte order, then the NUL-terminated path; the length covers both. */
    static byte[] encode(String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length >= LibC.SUN_PATH_SIZE) {
            throw new IllegalArgumentException("unix socket path must be 1.." + (LibC.SUN_PATH_SIZE - 1)
                    + " bytes: " + path);
        }
        byte[] address = new byte[2 + name.length + 1];
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        address[little ? 0 : 1] = (byte) LibC.AF_UNIX;
        System.arraycopy(name, 0, address, 2, name.length);
        return address;
    }
}
