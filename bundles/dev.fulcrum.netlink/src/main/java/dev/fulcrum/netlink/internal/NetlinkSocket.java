package dev.fulcrum.netlink.internal;

import com.sun.jna.Native;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.NetlinkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An AF_NETLINK datagram socket (netlink(7)) over JNA. It is bound with nl_pid 0 so that the kernel
 * assigns the port id, and asks for extended ACKs (NETLINK_EXT_ACK, Linux 4.12) and capped ACKs
 * (NETLINK_CAP_ACK, Linux 4.3: an error echoes only the request's header, not the whole request).
 * Older kernels refuse those options with ENOPROTOOPT; the socket then works without them.
 */
final class NetlinkSocket implements Transport {

    private static final int EINTR = Errno.EINTR.number();
    private static final int EAGAIN = Errno.EAGAIN.number();
    private static final int ENOPROTOOPT = Errno.ENOPROTOOPT.number();

    private final LibC libc;
    private final int fd;
    private final int portId;
    /**
     * Calls on the descriptor hold the read lock, close() the write lock: close waits for a receive
     * in progress (at most its timeout), so the descriptor number is never closed under a call and
     * then reused by an unrelated open.
     */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private NetlinkSocket(LibC libc, int fd, int portId) {
        this.libc = libc;
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens a socket in the calling thread's network namespace. */
    static NetlinkSocket open(LibC libc, int protocol) throws NetlinkException {
        int fd = libc.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.CLOEXEC, protocol);
        if (fd < 0) {
            throw failure("socket(AF_NETLINK, " + protocol + ")", Native.getLastError());
        }
        try {
            setOptionIfSupported(libc, fd, LibC.NETLINK_EXT_ACK);
            setOptionIfSupported(libc, fd, LibC.NETLINK_CAP_ACK);
            if (libc.bind(fd, socketAddress(0), LibC.SOCKADDR_NL_SIZE) != 0) {
                throw failure("bind", Native.getLastError());
            }
            byte[] bound = new byte[LibC.SOCKADDR_NL_SIZE];
            int[] length = {bound.length};
            if (libc.getsockname(fd, bound, length) != 0) {
                throw failure("getsockname", Native.getLastError());
            }
            return new NetlinkSocket(libc, fd, ByteBuffer.wrap(bound).order(ByteOrder.nativeOrder()).getInt(4));
        } catch (NetlinkException e) {
            libc.close(fd);
            throw e;
        }
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(byte[] datagram) throws NetlinkException {
        lock.readLock().lock();
        try {
            checkOpen();
            sendOpen(datagram);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void sendOpen(byte[] datagram) throws NetlinkException {
        while (true) {
            long sent = libc.sendto(fd, datagram, datagram.length, 0, socketAddress(0), LibC.SOCKADDR_NL_SIZE);
            if (sent == datagram.length) {
                return;
            }
            int errno = Native.getLastError();
            if (sent >= 0) {
                throw new NetlinkException("sendto: sent " + sent + " of " + datagram.length + " bytes");
            }
            if (errno != EINTR) {
                throw failure("sendto", errno);
            }
        }
    }

    @Override
    public Optional<Datagram> receive(Duration timeout) throws NetlinkException {
        lock.readLock().lock();
        try {
            checkOpen();
            return receiveOpen(timeout);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Optional<Datagram> receiveOpen(Duration timeout) throws NetlinkException {
        if (!readable(timeout)) {
            return Optional.empty();
        }
        byte[] sender = new byte[LibC.SOCKADDR_NL_SIZE];
        int[] senderLength = {sender.length};
        // Learn the datagram's size first (MSG_PEEK | MSG_TRUNC), so that a large dump part is
        // never truncated, then read it.
        long size = libc.recvfrom(fd, new byte[0], 0, LibC.MSG_PEEK | LibC.MSG_TRUNC, null, null);
        if (size < 0) {
            return retryOrFail("recvfrom(MSG_PEEK)", timeout);
        }
        byte[] buffer = new byte[(int) size];
        long received = libc.recvfrom(fd, buffer, buffer.length, 0, sender, senderLength);
        if (received < 0) {
            return retryOrFail("recvfrom", timeout);
        }
        int senderPortId = ByteBuffer.wrap(sender).order(ByteOrder.nativeOrder()).getInt(4);
        return Optional.of(new Datagram(received == buffer.length ? buffer : Arrays.copyOf(buffer, (int) received),
                senderPortId));
    }

    @Override
    public void joinGroup(int group) throws NetlinkException {
        lock.readLock().lock();
        try {
            checkOpen();
            setOption(libc, fd, LibC.NETLINK_ADD_MEMBERSHIP, group);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                libc.close(fd);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean readable(Duration timeout) throws NetlinkException {
        byte[] pollFd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(LibC.POLLIN).array();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
        int ready = libc.poll(pollFd, 1, millis);
        if (ready < 0) {
            int errno = Native.getLastError();
            if (errno == EINTR) {
                return false;
            }
            throw failure("poll", errno);
        }
        return ready > 0;
    }

    private Optional<Datagram> retryOrFail(String call, Duration timeout) throws NetlinkException {
        int errno = Native.getLastError();
        if (errno == EINTR || errno == EAGAIN) {
            return receiveOpen(timeout);
        }
        // ENOBUFS: the receive queue overflowed and notifications were lost (netlink(7)).
        throw failure(call, errno);
    }

    private void checkOpen() throws NetlinkException {
        if (closed) {
            throw new NetlinkException("netlink socket is closed");
        }
    }

    private static void setOptionIfSupported(LibC libc, int fd, int option) throws NetlinkException {
        if (libc.setsockopt(fd, LibC.SOL_NETLINK, option, new int[] {1}, 4) != 0) {
            int errno = Native.getLastError();
            if (errno != ENOPROTOOPT) {
                throw failure("setsockopt(SOL_NETLINK, " + option + ")", errno);
            }
        }
    }

    private static void setOption(LibC libc, int fd, int option, int value) throws NetlinkException {
        if (libc.setsockopt(fd, LibC.SOL_NETLINK, option, new int[] {value}, 4) != 0) {
            throw failure("setsockopt(SOL_NETLINK, " + option + ")", Native.getLastError());
        }
    }

    /** struct sockaddr_nl with nl_family AF_NETLINK, the given nl_pid, no groups. */
    private static byte[] socketAddress(int pid) {
        return ByteBuffer.allocate(LibC.SOCKADDR_NL_SIZE).order(ByteOrder.nativeOrder())
                .putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0).array();
    }

    static NetlinkException failure(String call, int errno) {
        return new NetlinkException(call + " failed: " + Errno.nameOf(errno) + " (" + Errno.describe(errno) + ")");
    }
}
