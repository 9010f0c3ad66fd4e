package dev.fulcrum.syslog.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** A unix datagram socket bound to a path, read without blocking: the test's stand-in for /dev/log. */
final class UnixDatagramReceiver implements AutoCloseable {

    /** The receiving calls the sink itself does not need. */
    interface ReceiverLibC extends Library {
        int bind(int fd, byte[] address, int addressLength);

        long recv(int fd, byte[] buffer, long length, int flags);
    }

    private final LibC libc = LibC.load();
    private final ReceiverLibC receiver = Native.load("c", ReceiverLibC.class);
    private final int fd;

    UnixDatagramReceiver(String path) throws IOException {
        fd = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        byte[] address = UnixSocketAddress.encode(path);
        if (fd < 0 || receiver.bind(fd, address, address.length) != 0) {
            throw new IOException("bind " + path + ": " + libc.strerror(Native.getLastError()));
        }
    }

    /** The next queued datagram, or empty when none is queued. */
    Optional<byte[]> poll() {
        byte[] buffer = new byte[65536];
        long length = receiver.recv(fd, buffer, buffer.length, LibC.MSG_DONTWAIT);
        return length < 0 ? Optional.empty() : Optional.of(Arrays.copyOf(buffer, (int) length));
    }

    @Override
    public void close() {
        libc.close(fd);
    }
}
