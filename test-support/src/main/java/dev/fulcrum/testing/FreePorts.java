package dev.fulcrum.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port that is free now, for a test that must write it into a configuration before a server
 * (often an external one: haproxy, keepalived) binds it.
 * <p>
 * {@code new ServerSocket(0)} hands out a port from the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}, 32768-60999 by default): the very range every outgoing
 * connection of every process on the machine also draws its source port from. Between the test closing
 * its probe socket and the server binding, a parallel build's connection could take it, and the server
 * failed to start with "address in use". So the port is drawn at random below that range, where the
 * kernel never assigns one by itself, and probed on the wildcard address and on loopback.
 */
public final class FreePorts {

    /** Below the kernel's default ephemeral range and above the registered services most hosts run. */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A port no socket is bound to right now, outside the kernel's ephemeral range. */
    public static int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST + 1);
            if (bindable(new InetSocketAddress(port)) && bindable(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free TCP port in " + LOWEST + "-" + HIGHEST + " after "
                + ATTEMPTS + " attempts"));
    }

    private static boolean bindable(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
