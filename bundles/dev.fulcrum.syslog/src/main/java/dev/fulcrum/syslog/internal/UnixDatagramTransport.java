package dev.fulcrum.syslog.internal;

import com.sun.jna.Native;
import java.io.IOException;
import java.util.Optional;

/**
 * A unix datagram socket sending to a path such as {@code /dev/log}. JDK 17's DatagramChannel has no
 * AF_UNIX, so this is socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK) and sendto(2) through JNA, which the
 * appliance already ships for netlink (Netty's epoll domain datagram channel would need an event loop
 * and the native transport for a fire-and-forget send). The socket stays unconnected and names the path
 * on every send, so a restarted syslog daemon that re-creates its socket is reached again without a
 * reopen, as HAProxy does. EAGAIN (full), ECONNREFUSED (nobody bound) and ENOENT drop the line.
 */
public final class UnixDatagramTransport implements DatagramTransport {

    private final LibC libc;
    private final int fd;
    private final String path;
    private final byte[] address;

    private UnixDatagramTransport(LibC libc, int fd, String path, byte[] address) {
        this.libc = libc;
        this.fd = fd;
        this.path = path;
        this.address = address;
    }

    public static UnixDatagramTransport open(String path) throws IOException {
        byte[] address = UnixSocketAddress.encode(path);
        LibC libc = LibC.load();
        int fd = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM): " + libc.strerror(Native.getLastError()));
        }
        return new UnixDatagramTransport(libc, fd, path, address);
    }

    @Override
    public Optional<String> trySend(byte[] datagram) {
        long sent = libc.sendto(fd, datagram, datagram.length, LibC.MSG_DONTWAIT, address, address.length);
        if (sent < 0) {
            return Optional.of("sendto " + path + ": " + libc.strerror(Native.getLastError()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        libc.close(fd);
    }
}
