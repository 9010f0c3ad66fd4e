package dev.fulcrum.vrrp.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls VRRP's sockets need: socket(2), bind(2), setsockopt(2), sendto(2), recvfrom(2), recvmsg(2),
 * poll(2), close(2), open(2), setns(2), strerror(3), and inotify_init1(2), inotify_add_watch(2), inotify_rm_watch(2)
 * with read(2) for track files. Structures travel as byte arrays laid out by the caller;
 * size_t/ssize_t are Java long (LP64 Linux). errno is {@link Native#getLastError()}.
 */
interface VrrpLibC extends Library {

    int AF_INET = 2;
    int AF_PACKET = 17;
    int AF_INET6 = 10;
    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    /** SOCK_CLOEXEC and O_CLOEXEC: 02000000. */
    int CLOEXEC = 0x80000;
    int O_RDONLY = 0;
    /** CLONE_NEWNET (linux/sched.h). */
    int CLONE_NEWNET = 0x40000000;
    /** IANA protocol 112: VRRP (RFC 5798 section 5.1.1.4). */
    int IPPROTO_VRRP = 112;
    int SOL_SOCKET = 1;
    /** asm-generic/socket.h. */
    int SO_BINDTODEVICE = 25;
    int IPPROTO_IP = 0;
    /** linux/in.h socket options. */
    int IP_TTL = 2;
    int IP_MULTICAST_IF = 32;
    int IP_MULTICAST_TTL = 33;
    int IP_MULTICAST_LOOP = 34;
    int IP_ADD_MEMBERSHIP = 35;
    /** linux/in6.h socket options (level IPPROTO_IPV6). */
    int IPPROTO_IPV6 = 41;
    int IPV6_UNICAST_HOPS = 16;
    int IPV6_MULTICAST_IF = 17;
    int IPV6_MULTICAST_HOPS = 18;
    int IPV6_MULTICAST_LOOP = 19;
    int IPV6_JOIN_GROUP = 20;
    int IPV6_RECVPKTINFO = 49;
    int IPV6_PKTINFO = 50;
    int IPV6_RECVHOPLIMIT = 51;
    int IPV6_HOPLIMIT = 52;
    /** ICMPv6 (RFC 4443) and its raw-socket receive filter ICMP6_FILTER (linux/icmpv6.h). */
    int IPPROTO_ICMPV6 = 58;
    int ICMP6_FILTER = 1;
    /** ETH_P_ARP (linux/if_ether.h). */
    int ETH_P_ARP = 0x0806;
    /** POLLIN (asm-generic/poll.h). */
    short POLLIN = 0x1;
    /** EINTR and EAGAIN (asm-generic/errno-base.h). */
    int EINTR = 4;
    int EAGAIN = 11;

    static VrrpLibC load() {
        return Native.load("c", VrrpLibC.class);
    }

    int socket(int domain, int type, int protocol);

    int setsockopt(int fd, int level, int name, byte[] value, int valueLength);

    int bind(int fd, byte[] address, int addressLength);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    long recvfrom(int fd, byte[] buffer, long length, int flags, byte[] address, int[] addressLength);

    /** {@code message} is a struct msghdr (bits/socket.h) in native memory. */
    long recvmsg(int fd, Pointer message, int flags);

    /** struct pollfd { int fd; short events; short revents; } packed into 8 bytes. */
    int poll(byte[] fds, long count, int timeoutMillis);

    int close(int fd);

    int open(String path, int flags);

    int setns(int fd, int namespaceType);

    String strerror(int errno);

    int inotify_init1(int flags);

    int inotify_add_watch(int fd, String path, int mask);

    int inotify_rm_watch(int fd, int watch);

    long read(int fd, byte[] buffer, long count);
}
