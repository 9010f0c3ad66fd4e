package dev.fulcrum.netlink.internal;

import com.sun.jna.Native;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Opens a netlink socket inside another network namespace. setns(2) moves only the calling thread,
 * and a socket stays in the namespace it was created in (network_namespaces(7)); so a short-lived
 * thread joins the namespace, creates the socket and ends, and no other work ever runs there.
 */
final class NamespaceSockets {

    private final LibC libc;

    NamespaceSockets(LibC libc) {
        this.libc = libc;
    }

    NetlinkSocket open(int protocol, Namespace namespace) throws NetlinkException {
        if (namespace.file().isEmpty()) {
            return NetlinkSocket.open(libc, protocol);
        }
        Path file = namespace.file().get();
        CompletableFuture<NetlinkSocket> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(openIn(file, protocol, namespace));
            } catch (NetlinkException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "netlink-setns-" + namespace);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while opening a netlink socket in " + namespace, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NetlinkException netlink) {
                throw netlink;
            }
            throw new NetlinkException("opening a netlink socket in " + namespace + " failed: " + e.getCause(), e.getCause());
        }
    }

    private NetlinkSocket openIn(Path file, int protocol, Namespace namespace) throws NetlinkException {
        int fd = libc.open(file.toString(), LibC.O_RDONLY | LibC.CLOEXEC);
        if (fd < 0) {
            throw prefixed(namespace, NetlinkSocket.failure("open " + file, Native.getLastError()));
        }
        try {
            if (libc.setns(fd, LibC.CLONE_NEWNET) != 0) {
                throw prefixed(namespace, NetlinkSocket.failure("setns(" + file + ", CLONE_NEWNET)", Native.getLastError()));
            }
        } finally {
            libc.close(fd);
        }
        return NetlinkSocket.open(libc, protocol);
    }

    private static NetlinkException prefixed(Namespace namespace, NetlinkException e) {
        return new NetlinkException(namespace + ": " + e.getMessage());
    }
}
