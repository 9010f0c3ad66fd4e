package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.HttpCheckExpect.Match;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.os.internal.OsProcessRunner;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probe against a real server on 127.0.0.1 (no mocks): what it concludes and why. */
class ProbeLoopbackTest {

    private static final Duration INTER = Duration.ofSeconds(2);
    private static EventLoopGroup group;
    private static ExecutorService blocking;
    private static ProbeFactory probes;

    @BeforeAll
    static void startLoop() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        blocking = Executors.newCachedThreadPool();
        probes = new ProbeFactory(group, new OsProcessRunner(), blocking,
                SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build(), System::nanoTime,
                "fulcrum.test");
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
    }

    private static CheckOutcome check(CheckSpec spec, InetSocketAddress target) throws Exception {
        return probes.create(spec).check(target).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void tcpConnectPassesAgainstAListenerAndIsRefusedWithoutOne() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 8, LoopbackServers.LOOPBACK)) {
            InetSocketAddress target = new InetSocketAddress(LoopbackServers.LOOPBACK, listener.getLocalPort());
            assertEquals(CheckStatus.L4OK, check(Specs.tcp(Specs.server("s", 0, INTER, INTER, INTER, 2, 3)), target).status());
        }
        CheckOutcome refused = check(Specs.tcp(Specs.server("s", 0, INTER, INTER, INTER, 2, 3)),
                new InetSocketAddress(LoopbackServers.LOOPBACK, LoopbackServers.closedPort()));
        assertEquals(CheckStatus.L4CON, refused.status());
        assertEquals("Connection refused", refused.info());
    }

    @Test
    void httpchkStatusAndBodyExpectations() throws Exception {
        try (LoopbackServers.Http http = LoopbackServers.Http.start(0)) {
            var server = Specs.server("s", 0, INTER, INTER, INTER, 2, 3);
            CheckSpec plain = Specs.httpchk(server, "/health");
            CheckSpec wantsReady = Specs.httpchk(server, "/health", new HttpCheckExpect(false, Match.STRING, "ready"));

            assertEquals(CheckOutcome.withCode(CheckStatus.L7OK, 200, "", Duration.ZERO),
                    check(plain, http.address()).withDuration(Duration.ZERO));
            assertEquals("GET /health", http.requestLines.get(0));

            http.status.set(503);
            CheckOutcome unavailable = check(plain, http.address());
            assertEquals(CheckStatus.L7STS, unavailable.status());
            assertEquals(OptionalInt.of(503), unavailable.code());
            assertEquals("Service Unavailable", unavailable.info());

            http.status.set(200);
            http.body.set("starting");
            assertEquals(CheckStatus.L7RSP, check(wantsReady, http.address()).status());
            http.body.set("ready");
            assertEquals(CheckStatus.L7OK, check(wantsReady, http.address()).status());
        }
    }

    @Test
    void httpGetChecksEveryUrlWithItsDigestAndVirtualhost() throws Exception {
        try (LoopbackServers.Http http = LoopbackServers.Http.start(0)) {
            http.body.set("abc");
            Url first = Specs.url("/a", Optional.empty());
            Url digest = Specs.url("/b", Optional.of("900150983cd24fb0d6963f7d28e17f72"));
            CheckSpec spec = Specs.keepalived(Specs.httpGet(false, false, Optional.of("www.example.com"), first, digest),
                    INTER);
            assertEquals(CheckStatus.L7OK, check(spec, http.address()).status());
            assertEquals(List.of("GET /a", "GET /b"), http.requestLines);
            assertEquals(List.of("www.example.com", "www.example.com"), http.hosts);

            http.body.set("abd");
            CheckOutcome changed = check(spec, http.address());
            assertEquals(CheckStatus.L7RSP, changed.status());
            assertTrue(changed.info().startsWith("MD5 digest mismatch"), changed.info());
        }
    }

    @Test
    void sslGetTrustsASelfSignedCertificateAndSendsSni(@TempDir Path dir) throws Exception {
        try (LoopbackServers.Http https = LoopbackServers.Http.startTls(dir)) {
            Url url = Specs.url("/", Optional.empty(), new Url.StatusRange(200, 200));
            CheckSpec withSni = Specs.keepalived(Specs.httpGet(true, true, Optional.of("app.example.com"), url), INTER);
            assertEquals(CheckStatus.L7OK, check(withSni, https.address()).status());
            assertEquals(List.of("app.example.com"), https.sniNames);

            CheckSpec plainHttp = Specs.keepalived(Specs.httpGet(false, false, Optional.empty(), url), INTER);
            assertEquals(CheckStatus.L7RSP, check(plainHttp, https.address()).status(),
                    "HTTP spoken to a TLS port is not a valid response");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAtLayer7() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, LoopbackServers.LOOPBACK)) {
            var server = Specs.server("s", 0, Duration.ofMillis(300), INTER, INTER, 2, 3);
            CheckSpec timeoutIsInter = new CheckSpec.Haproxy(server, Specs.httpchk(server, "/").httpCheck(),
                    Optional.empty());
            CheckOutcome outcome = check(timeoutIsInter,
                    new InetSocketAddress(LoopbackServers.LOOPBACK, silent.getLocalPort()));
            assertEquals(CheckStatus.L7TOUT, outcome.status());
            assertTrue(outcome.duration().compareTo(Duration.ofMillis(300)) >= 0, outcome.toString());
        }
    }

    @Test
    void miscCheckExitCodes(@TempDir Path dir) throws Exception {
        InetSocketAddress unused = new InetSocketAddress(LoopbackServers.LOOPBACK, 1);
        assertEquals(CheckStatus.PROCOK, check(misc("/bin/sh -c 'exit 0'", false, 5), unused).status());
        CheckOutcome down = check(misc("/bin/sh -c 'echo broken >&2; exit 1'", false, 5), unused);
        assertEquals(CheckOutcome.withCode(CheckStatus.PROCERR, 1, "broken", down.duration()), down);
        assertEquals(CheckStatus.PROCERR, check(misc("/bin/sh -c 'exit 7'", false, 5), unused).status());
        CheckOutcome dynamic = check(misc("/bin/sh -c 'exit 7'", true, 5), unused);
        assertEquals(CheckStatus.PROCOK, dynamic.status());
        assertEquals(OptionalInt.of(5), dynamic.weight());
    }

    @Test
    void miscCheckIsKilledAtItsTimeout() throws Exception {
        CheckOutcome outcome = check(misc("/bin/sleep 30", false, 1), new InetSocketAddress(LoopbackServers.LOOPBACK, 1));
        assertEquals(CheckStatus.PROCTOUT, outcome.status());
        assertTrue(outcome.duration().compareTo(Duration.ofSeconds(10)) < 0, "killed, not waited for: " + outcome);
    }

    /** DNS_CHECK against dnsmasq (Debian package dnsmasq-base) serving one host record on a loopback port. */
    @Test
    void dnsCheckAgainstDnsmasq() throws Exception {
        int port = LoopbackServers.closedPort();
        Process dnsmasq = new ProcessBuilder("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file=",
                "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port,
                "--host-record=up.example.test,127.0.0.9").redirectErrorStream(true).start();
        try {
            InetSocketAddress target = new InetSocketAddress(LoopbackServers.LOOPBACK, port);
            CheckOutcome answered = check(dns("A", "up.example.test"), target);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (answered.status() != CheckStatus.L7OK && System.nanoTime() < deadline) {
                Thread.sleep(50); // dnsmasq is still starting
                answered = check(dns("A", "up.example.test"), target);
            }
            assertEquals(CheckStatus.L7OK, answered.status(), answered.toString());
            // dnsmasq without upstream servers refuses what it does not hold (RCODE 5, RFC 1035 4.1.1)
            assertEquals(CheckOutcome.of(CheckStatus.L7RSP, "RCODE 5", Duration.ZERO),
                    check(dns("SOA", "."), target).withDuration(Duration.ZERO));
        } finally {
            dnsmasq.destroy();
            dnsmasq.waitFor(5, TimeUnit.SECONDS);
        }
        CheckOutcome closed = check(dns("A", "up.example.test"), new InetSocketAddress(LoopbackServers.LOOPBACK, port));
        assertEquals(CheckStatus.L4CON, closed.status(), "ICMP port unreachable: " + closed);
    }

    @Test
    void aBadDnsTypeIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> probes.create(dns("PTR", ".")));
        assertEquals("DNS_CHECK type must be one of [A, AAAA, CNAME, MX, NS, SOA, TXT], was 'PTR'", e.getMessage());
    }

    private static CheckSpec dns(String type, String name) {
        return Specs.keepalived(new HealthChecker.DnsCheck(
                Specs.common(Specs.GENEROUS_TIMEOUT, 1, Duration.ofSeconds(1), Optional.empty()), type, name), INTER);
    }

    /** SMTP_CHECK against Python's smtpd (Debian's python3 3.11), a real SMTP server. */
    @Test
    void smtpCheckGreetsARealServer() throws Exception {
        int port = LoopbackServers.closedPort();
        Process smtpd = new ProcessBuilder("/usr/bin/python3", "-W", "ignore", "-m", "smtpd", "-n", "-c",
                "DebuggingServer", "127.0.0.1:" + port).redirectErrorStream(true).start();
        try {
            InetSocketAddress target = new InetSocketAddress(LoopbackServers.LOOPBACK, port);
            CheckSpec smtp = Specs.keepalived(new HealthChecker.SmtpCheck(
                    Specs.common(Specs.GENEROUS_TIMEOUT, 1, Duration.ofSeconds(1), Optional.empty()),
                    Optional.of("checker.example.com")), INTER);
            CheckOutcome outcome = check(smtp, target);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (outcome.status() == CheckStatus.L4CON && System.nanoTime() < deadline) {
                Thread.sleep(50); // smtpd is still starting: not listening yet
                outcome = check(smtp, target);
            }
            assertEquals(CheckOutcome.withCode(CheckStatus.L7OK, 250, "", Duration.ZERO),
                    outcome.withDuration(Duration.ZERO));
        } finally {
            smtpd.destroy();
            smtpd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void smtpCheckFailsOnAWrongGreeting() throws Exception {
        try (LoopbackServers.Http http = LoopbackServers.Http.start(0)) {
            CheckSpec smtp = Specs.keepalived(new HealthChecker.SmtpCheck(
                    Specs.common(Duration.ofMillis(500), 1, Duration.ofSeconds(1), Optional.empty()), Optional.empty()),
                    INTER);
            // an HTTP server says nothing first: no greeting within connect_timeout
            assertEquals(CheckStatus.L7TOUT, check(smtp, http.address()).status());
        }
    }

    private static CheckSpec misc(String line, boolean dynamic, int timeoutSeconds) {
        return Specs.keepalived(new HealthChecker.MiscCheck(
                Specs.common(Duration.ofSeconds(1), 0, Duration.ofSeconds(1), Optional.empty()), line,
                Optional.of(Duration.ofSeconds(timeoutSeconds)), dynamic, Optional.empty()), INTER);
    }
}
