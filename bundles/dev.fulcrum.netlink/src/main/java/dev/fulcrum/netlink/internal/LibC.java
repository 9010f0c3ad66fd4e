package dev.fulcrum.netlink.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The libc calls a netlink socket needs (socket(2), bind(2), getsockname(2), setsockopt(2),
 * sendto(2), recvfrom(2), poll(2), close(2), open(2), setns(2)). size_t/ssize_t are mapped to Java
 * long: LP64 Linux only (x86-64, arm64), which is what the appliance runs on. errno is read with
 * {@link Native#getLastError()}, which JNA keeps per thread after each call.
 */
interface LibC extends Library {

    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    /** SOCK_CLOEXEC (bits/socket_type.h) and O_CLOEXEC (asm-generic/fcntl.h): 02000000. */
    int CLOEXEC = 0x80000;
    int O_RDONLY = 0;
    /** SOL_NETLINK (bits/socket.h). */
    int SOL_NETLINK = 270;
    /** linux/netlink.h socket options. */
    int NETLINK_ADD_MEMBERSHIP = 1;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;
    /** MSG_PEEK and MSG_TRUNC (bits/socket.h): with both, recvfrom returns the datagram's full size. */
    int MSG_PEEK = 0x02;
    int MSG_TRUNC = 0x20;
    /** POLLIN (asm-generic/poll.h). */
    short POLLIN = 0x1;
    /** CLONE_NEWNET (linux/sched.h). */
    int CLONE_NEWNET = 0x40000000;
    /** struct sockaddr_nl: sa_family_t nl_family, unsigned short nl_pad, __u32 nl_pid, __u32 nl_groups. */
    int SOCKADDR_NL_SIZE = 12;

    static LibC load() {
        return Native.load("c", LibC.class);
    }

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int addressLength);

    int getsockname(int fd, byte[] address, int[] addressLength);

    int setsockopt(int fd, int level, int name, int[] value, int valueLength);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    long recvfrom(int fd, byte[] buffer, long length, int flags, byte[] address, int[] addressLength);

    /** struct pollfd { int fd; short events; short revents; } packed into 8 bytes. */
    int poll(byte[] fds, long count, int timeoutMillis);

    int close(int fd);

    int open(String path, int flags);

    int setns(int fd, int namespaceType);
}
