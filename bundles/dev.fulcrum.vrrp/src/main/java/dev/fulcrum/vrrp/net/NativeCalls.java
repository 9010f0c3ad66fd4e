package dev.fulcrum.vrrp.net;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The shared plumbing of the VRRP sockets: errno messages, setsockopt, poll and opening inside a namespace. */
final class NativeCalls {

    private final VrrpLibC libc;

    NativeCalls(VrrpLibC libc) {
        this.libc = libc;
    }

    VrrpLibC libc() {
        return libc;
    }

    IOException failure(String call) {
        int errno = Native.getLastError();
        return new IOException(call + " failed: " + libc.strerror(errno) + " (errno " + errno + ")");
    }

    void setInt(int fd, int level, int option, int value, String name) throws IOException {
        byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        set(fd, level, option, bytes, name + "=" + value);
    }

    void set(int fd, int level, int option, byte[] value, String name) throws IOException {
        if (libc.setsockopt(fd, level, option, value, value.length) != 0) {
            throw failure("setsockopt(" + name + ")");
        }
    }

    /**
     * A raw socket (raw(7)) of {@code family} and {@code protocol} bound to {@code interfaceName}
     * with SO_BINDTODEVICE (socket(7)); closed again if the binding fails.
     */
    int rawSocketOn(String interfaceName, int family, int protocol) throws IOException {
        int fd = libc.socket(family, VrrpLibC.SOCK_RAW | VrrpLibC.CLOEXEC, protocol);
        if (fd < 0) {
            throw failure("socket(" + (family == VrrpLibC.AF_INET6 ? "AF_INET6" : "AF_INET") + ", SOCK_RAW, "
                    + protocol + ") for " + interfaceName);
        }
        try {
            byte[] device = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
            set(fd, VrrpLibC.SOL_SOCKET, VrrpLibC.SO_BINDTODEVICE, device, "SO_BINDTODEVICE " + interfaceName);
            return fd;
        } catch (IOException | RuntimeException e) {
            libc.close(fd);
            throw e;
        }
    }

    /** Whether {@code fd} became readable within {@code timeoutMillis}; EINTR counts as not yet. */
    boolean readable(int fd, int timeoutMillis) throws IOException {
        byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(VrrpLibC.POLLIN)
                .array();
        int ready = libc.poll(pollfd, 1, timeoutMillis);
        if (ready < 0) {
            if (Native.getLastError() == VrrpLibC.EINTR) {
                return false;
            }
            throw failure("poll");
        }
        return ready > 0;
    }

    /**
     * Runs {@code opener} on a short-lived thread that first joined the network namespace in
     * {@code namespaceFile} (setns(2) moves only the calling thread; a socket stays in the namespace
     * it was created in, network_namespaces(7)). Empty: the caller's own namespace, on this thread.
     */
    <T> T inNamespace(Optional<Path> namespaceFile, Callable<T> opener) throws IOException {
        if (namespaceFile.isEmpty()) {
            return call(opener);
        }
        Path file = namespaceFile.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                join(file);
                result.complete(call(opener));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "vrrp-setns");
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening a socket in " + file, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(), e.getCause());
        }
    }

    private void join(Path file) throws IOException {
        int fd = libc.open(file.toString(), VrrpLibC.O_RDONLY | VrrpLibC.CLOEXEC);
        if (fd < 0) {
            throw failure("open " + file);
        }
        try {
            if (libc.setns(fd, VrrpLibC.CLONE_NEWNET) != 0) {
                throw failure("setns(" + file + ")");
            }
        } finally {
            libc.close(fd);
        }
    }

    private static <T> T call(Callable<T> opener) throws IOException {
        try {
            return opener.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.toString(), e);
        }
    }
}
