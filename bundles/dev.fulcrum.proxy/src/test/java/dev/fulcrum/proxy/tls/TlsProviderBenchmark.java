package dev.fulcrum.proxy.tls;

import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.Certificates.KeyForm;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * Server-side cost of TLS with Netty's JDK provider against its OpenSSL (BoringSSL, netty-tcnative)
 * provider, in memory: a JDK client engine talks to a server engine of each provider, and only the
 * time spent in the server engine is counted. Handshakes/s (TLS 1.3 and 1.2, RSA-2048 and P-256) and
 * bulk MB/s (server encrypting 16 KiB writes, server decrypting them, direct buffers), medians of
 * alternating rounds.
 * Not a test: run by hand, pinned, e.g.
 * {@code taskset -c 1 java -cp target/classes:target/test-classes:CLASSPATH dev.fulcrum.proxy.tls.TlsProviderBenchmark}.
 */
public final class TlsProviderBenchmark {

    private static final int ROUNDS = 5;
    private static final int HANDSHAKES = 200;
    private static final int RECORDS = 4000;
    private static final int RECORD = 16 * 1024;

    private long serverNanos;

    public static void main(String[] args) throws Exception {
        if (!OpenSsl.isAvailable()) {
            throw new IllegalStateException("OpenSSL provider unavailable: " + OpenSsl.unavailabilityCause());
        }
        System.out.println("OpenSSL provider: " + OpenSsl.versionString() + "; JDK " + Runtime.version());
        Path dir = Files.createTempDirectory("tls-bench");
        for (KeyForm form : List.of(KeyForm.RSA_PKCS8, KeyForm.EC_PKCS8)) {
            PemBundle bundle = PemBundle.read(Certificates.create(dir, form + ".pem", form, "bench.test"));
            for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
                compare(form + " " + protocol + " handshakes/s", bundle, protocol, true);
            }
        }
        PemBundle ec = PemBundle.read(dir.resolve("EC_PKCS8.pem"));
        compare("TLSv1.3 bulk MB/s (encrypt+decrypt)", ec, "TLSv1.3", false);
    }

    private static void compare(String label, PemBundle bundle, String protocol, boolean handshakes) throws Exception {
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(protocol)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        SslContext jdk = server(bundle, protocol, SslProvider.JDK);
        SslContext openssl = server(bundle, protocol, SslProvider.OPENSSL);
        TlsProviderBenchmark bench = new TlsProviderBenchmark();
        bench.run(client, jdk, handshakes);
        bench.run(client, openssl, handshakes); // warm-up of both
        List<Double> jdkRates = new ArrayList<>();
        List<Double> opensslRates = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            jdkRates.add(bench.run(client, jdk, handshakes));
            opensslRates.add(bench.run(client, openssl, handshakes));
        }
        double j = median(jdkRates);
        double o = median(opensslRates);
        System.out.printf("%-45s JDK %10.1f  OpenSSL %10.1f  OpenSSL/JDK %.2f%n", label, j, o, o / j);
    }

    private static SslContext server(PemBundle bundle, String protocol, SslProvider provider) throws SSLException {
        return SslContextBuilder.forServer(bundle.key(), bundle.chain().toArray(X509Certificate[]::new))
                .sslProvider(provider).protocols(protocol).build();
    }

    /** Handshakes per second, or MB/s, of server-engine time. */
    private double run(SslContext clientContext, SslContext serverContext, boolean handshakes) throws Exception {
        serverNanos = 0;
        if (handshakes) {
            for (int i = 0; i < HANDSHAKES; i++) {
                handshake(clientContext.newEngine(ByteBufAllocator.DEFAULT), serverContext.newEngine(ByteBufAllocator.DEFAULT));
            }
            return HANDSHAKES / (serverNanos / 1e9);
        }
        SSLEngine client = clientContext.newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine server = serverContext.newEngine(ByteBufAllocator.DEFAULT);
        handshake(client, server);
        serverNanos = 0;
        // Direct buffers, as Netty's pooled allocator hands the TLS handler on a real socket.
        ByteBuffer plain = ByteBuffer.allocateDirect(RECORD);
        ByteBuffer net = ByteBuffer.allocateDirect(server.getSession().getPacketBufferSize() * 2);
        ByteBuffer app = ByteBuffer.allocateDirect(RECORD * 2);
        for (int i = 0; i < RECORDS; i++) {
            plain.clear();
            net.clear();
            long start = System.nanoTime();
            server.wrap(plain, net);
            serverNanos += System.nanoTime() - start;
            net.flip();
            while (net.hasRemaining()) {
                app.clear();
                client.unwrap(net, app);
            }
            plain.clear();
            net.clear();
            client.wrap(plain, net);
            net.flip();
            start = System.nanoTime();
            while (net.hasRemaining()) {
                app.clear();
                server.unwrap(net, app);
            }
            serverNanos += System.nanoTime() - start;
        }
        return 2.0 * RECORDS * RECORD / 1e6 / (serverNanos / 1e9);
    }

    /** Moves records between the two engines until both finished the handshake and nothing is in flight. */
    private void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        ByteBuffer toServer = ByteBuffer.allocate(64 * 1024);
        ByteBuffer toClient = ByteBuffer.allocate(64 * 1024);
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        ByteBuffer empty = ByteBuffer.allocate(0);
        for (int step = 0; step < 100; step++) {
            step(client, empty, toServer, toClient, sink, false);
            step(server, empty, toClient, toServer, sink, true);
            if (!handshaking(client) && !handshaking(server) && toServer.position() == 0 && toClient.position() == 0) {
                return;
            }
        }
        throw new IllegalStateException("handshake did not finish: " + client.getHandshakeStatus() + "/"
                + server.getHandshakeStatus());
    }

    private static boolean handshaking(SSLEngine engine) {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        return status != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && status != SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /** One engine reads what the peer sent (all of it) and writes what it has to send. */
    private void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer sink, boolean timed)
            throws SSLException {
        long start = System.nanoTime();
        in.flip();
        while (in.hasRemaining()) {
            sink.clear();
            SSLEngineResult result = engine.unwrap(in, sink);
            runTasks(engine);
            if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
        while (true) {
            SSLEngineResult result = engine.wrap(empty, out);
            runTasks(engine);
            if (result.bytesProduced() == 0 || result.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
        }
        if (timed) {
            serverNanos += System.nanoTime() - start;
        }
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
