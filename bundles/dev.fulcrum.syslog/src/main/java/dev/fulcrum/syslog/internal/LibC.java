package dev.fulcrum.syslog.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The libc calls a unix datagram socket needs: socket(2), bind(2), sendto(2), recv(2), close(2),
 * strerror(3). size_t/ssize_t are Java long (LP64 Linux only). errno is read with
 * {@link Native#getLastError()}, kept per thread by JNA after each call.
 */
interface LibC extends Library {

    /** AF_UNIX (bits/socket.h). */
    int AF_UNIX = 1;
    /** SOCK_DGRAM, SOCK_NONBLOCK (= O_NONBLOCK, 04000) and SOCK_CLOEXEC (02000000) from bits/socket_type.h. */
    int SOCK_DGRAM = 2;
    int SOCK_NONBLOCK = 0x800;
    int SOCK_CLOEXEC = 0x80000;
    /** MSG_DONTWAIT (bits/socket.h). */
    int MSG_DONTWAIT = 0x40;
    /** struct sockaddr_un (linux/un.h): sa_family_t sun_family; char sun_path[108]. */
    int SUN_PATH_SIZE = 108;

    static LibC load() {
        return Native.load("c", LibC.class);
    }

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int addressLength);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    long recv(int fd, byte[] buffer, long length, int flags);

    int close(int fd);

    String strerror(int errno);
}
