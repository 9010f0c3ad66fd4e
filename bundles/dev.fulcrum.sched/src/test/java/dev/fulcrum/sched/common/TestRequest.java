package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.RequestContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.random.RandomGenerator;

/** A connection-level request for tests: addresses and ports only. */
public record TestRequest(InetAddress sourceAddress, int sourcePort, InetAddress destinationAddress,
        int destinationPort) implements RequestContext {

    private static final InetAddress VIP = address("192.0.2.1");

    /** From the given client address (a literal) and port to the test VIP, port 80. */
    public static TestRequest from(String client, int port) {
        return new TestRequest(address(client), port, VIP, 80);
    }

    public static TestRequest from(String client) {
        return from(client, 40000);
    }

    /** From a fixed client to the given destination address (a literal), for lblc, lblcr and dh. */
    public static TestRequest to(String destination) {
        return new TestRequest(address("198.51.100.7"), 40000, address(destination), 80);
    }

    /** A random IPv4 client and port, for statistical tests with a seeded generator. */
    public static TestRequest random(RandomGenerator random) {
        return new TestRequest(ipv4(random.nextInt()), 1024 + random.nextInt(60000), ipv4(random.nextInt()), 80);
    }

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }

    private static InetAddress ipv4(int bits) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16),
                (byte) (bits >>> 8), (byte) bits});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
