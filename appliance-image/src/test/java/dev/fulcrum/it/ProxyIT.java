package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.proxy.StatCsv;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The proxy bundle on Felix with the image's bundles: with dev.fulcrum.sched's scheduler registry
 * (no test double) it reconciles the current revision on Netty's native epoll transport (the
 * fragment attached) and forwards an HTTP request to a real server, which {@code fulcrum:stat}
 * then shows in HAProxy's {@code show stat} CSV.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProxyIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationService configuration;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-proxy-"))};
    }

    @Test
    public void proxiesHttpOnEpollBalancedByTheImageSchedulerRegistry() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        try (ServerSocket backend = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerOnce(backend));
            server.setDaemon(true);
            server.start();
            int port = reserved.getLocalPort();
            reserved.close();

            SubsystemStatus status = ProxyRevisions.apply(context, configuration, proxy(port, backend.getLocalPort()),
                    "proxy it");
            assertEquals(SubsystemState.ACTIVE, status.state());
            // OpenSSL: netty-tcnative's BoringSSL fragment of the image loaded inside the framework.
            assertEquals("1 frontend(s) on the epoll transport, TLS through OpenSSL", status.reason());

            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(20_000);
                client.getOutputStream().write("GET / HTTP/1.1\r\nHost: it\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer, answer.startsWith("HTTP/1.1 200 OK\r\n"));
                assertTrue(answer, answer.endsWith("\r\n\r\nfrom it"));
            }
            String csv = Await.until("fulcrum:stat counts the answered request", () -> {
                String text = shell(probe, "fulcrum:stat web app");
                return text.contains("\napp,app1,") && row(text, "app,app1,").split(",", -1)[StatField.HRSP_2XX.ordinal()].equals("1") ? text : null;
            });
            assertEquals(StatCsv.header(), csv.lines().findFirst().orElse(""));
            assertEquals(List.of("web,FRONTEND", "app,app1", "app,BACKEND"), csv.lines().skip(1)
                    .filter(line -> !line.isEmpty()).map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
                    .collect(Collectors.toList()));
            String frontend = row(csv, "web,FRONTEND,");
            assertEquals(frontend, "1", frontend.split(",", -1)[StatField.STOT.ordinal()]);
            configuration.apply(DesiredState.EMPTY, "proxy it: nothing");
        }
    }

    private static String shell(FrameworkProbe probe, String command) {
        try {
            return probe.shell(command);
        } catch (Exception e) {
            throw new IllegalStateException(command + " failed", e);
        }
    }

    private static String row(String csv, String start) {
        return csv.lines().filter(line -> line.startsWith(start)).findFirst().orElse("");
    }

    private static ProxyConfig proxy(int port, int serverPort) {
        Timeouts timeouts = new Timeouts(Optional.of(java.time.Duration.ofSeconds(10)),
                Optional.of(java.time.Duration.ofSeconds(10)), Optional.of(java.time.Duration.ofSeconds(2)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Frontend frontend = new Frontend("web", List.of(new Bind("127.0.0.1", PortRange.of(port), Optional.empty())),
                Mode.HTTP, timeouts, 0, List.of(), List.of(), Optional.of("app"), LogSettings.NONE, ProxyOptions.DEFAULT);
        Backend backend = new Backend("app", Mode.HTTP, Balance.DEFAULT,
                List.of(Server.of("app1", "127.0.0.1", serverPort)), Optional.empty(), timeouts, 3, false,
                ProxyOptions.DEFAULT, LogSettings.NONE);
        return new ProxyConfig(ProxyGlobal.defaults(), List.of(frontend), List.of(backend));
    }

    /** Reads one request head and answers it. */
    private static void answerOnce(ServerSocket backend) {
        try (Socket connection = backend.accept()) {
            if (!ProxyRevisions.readHead(connection.getInputStream())) {
                return;
            }
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nfrom it"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the test fails on the client side
        }
    }
}
