package dev.fulcrum.bench.sched;

import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The servers and requests every algorithm is measured with, the same for all (fixed seeds): UP servers
 * with weights spread over 1..256 (HAProxy's range), and requests from random IPv4 sources in 10.0.0.0/8
 * asking for one of many URIs with a query string and a Host header, whose first bytes are an RDP
 * connection request with a routing cookie (for {@code rdp-cookie}).
 */
public final class Workload {

    /** A power of two, so the benchmark cycles through the requests with a mask. */
    public static final int REQUESTS = 4096;

    private Workload() {
    }

    public static List<Server> servers(int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<Server> servers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            servers.add(new Server("srv" + i, 1 + random.nextInt(256)));
        }
        return servers;
    }

    public static RequestContext[] requests() {
        SplittableRandom random = new SplittableRandom(7);
        InetAddress destination = address(192, 0, 2, 10);
        RequestContext[] requests = new RequestContext[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            InetAddress source = address(10, random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254));
            String path = "/shop/" + random.nextInt(50) + "/item/" + random.nextInt(10_000) + ".html";
            String query = "id=" + random.nextInt(100_000) + "&lang=en";
            String host = "www" + random.nextInt(20) + ".example.com";
            requests[i] = new Request(source, 1024 + random.nextInt(64_000), destination, Optional.of(path),
                    Optional.of(query), Optional.of(host), Optional.of(rdpConnectionRequest("user" + random.nextInt(5000))));
        }
        return requests;
    }

    /**
     * What the configuration would give the algorithm: for a HAProxy keyword its {@code balance} line with
     * typical arguments (url_param id, hdr(Host), hash of the path), nothing for IPVS.
     */
    public static SchedulerSettings settings(Subject subject) {
        SchedulerSettings settings = new SchedulerSettings(Optional.empty(), SchedulerFlags.NONE, false,
                InstantSource.system(), new SplittableRandom(3));
        if (!"HAPROXY".equals(subject.family())) {
            return settings;
        }
        return Algorithm.forKeyword(subject.name()).map(algorithm -> switch (algorithm) {
            case URL_PARAM -> Balance.urlParam("id", false);
            case HDR -> Balance.hdr("Host", false);
            case HASH -> Balance.hash("path");
            default -> Balance.of(algorithm);
        }).map(settings::withBalance).orElse(settings);
    }

    /**
     * The first packet of an RDP client: TPKT header (RFC 1006 section 6: 3, 0, 16-bit length), X.224
     * Connection Request (length indicator, 0xE0, references, class) and the line
     * {@code Cookie: mstshash=USER\r\n} (MS-RDPBCGR 2.2.1.1).
     */
    private static ByteBuffer rdpConnectionRequest(String user) {
        byte[] cookie = ("Cookie: " + Balance.DEFAULT_RDP_COOKIE + "=" + user + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int length = 11 + cookie.length;
        ByteBuffer packet = ByteBuffer.allocate(length);
        packet.put((byte) 3).put((byte) 0).putShort((short) length);
        packet.put((byte) (6 + cookie.length)).put((byte) 0xE0).putShort((short) 0).putShort((short) 0).put((byte) 0);
        packet.put(cookie).flip();
        return packet.asReadOnlyBuffer();
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * An UP server; its active connection count and weight change only through {@link #connect},
     * {@link #release} and {@link #reweigh}, on the benchmark's one thread.
     */
    public static final class Server implements ServerView {
        private final String id;
        private int weight;
        private int active;

        Server(String id, int weight) {
            this.id = id;
            this.weight = weight;
        }

        public void connect() {
            active++;
        }

        public void release() {
            active--;
        }

        /** Takes the other of two neighbouring weights (w and w + 1, within 1..256), as a "set weight" would. */
        public void reweigh() {
            weight = weight == 256 || weight % 2 == 0 ? weight - 1 : weight + 1;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int weight() {
            return weight;
        }

        @Override
        public ServerState state() {
            return ServerState.UP;
        }

        @Override
        public boolean backup() {
            return false;
        }

        @Override
        public int activeConnections() {
            return active;
        }

        @Override
        public int inactiveConnections() {
            return 0;
        }

        @Override
        public int maxConnections() {
            return 0;
        }
    }

    /** The L7 parts are kept as ready Optionals: the data plane's lazy views are not what is measured. */
    private record Request(InetAddress sourceAddress, int sourcePort, InetAddress destinationAddress,
            Optional<String> path, Optional<String> query, Optional<String> host, Optional<ByteBuffer> payloadPrefix)
            implements RequestContext {

        private static final Optional<String> GET = Optional.of("GET");

        @Override
        public int destinationPort() {
            return 80;
        }

        @Override
        public Optional<String> header(String name) {
            return "host".equalsIgnoreCase(name) ? host : Optional.empty();
        }

        @Override
        public Optional<String> method() {
            return GET;
        }
    }
}
