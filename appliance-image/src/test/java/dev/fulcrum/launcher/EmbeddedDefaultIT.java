package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README command 1: the launcher on the image's default configuration directory serves
 * {@code curl http://127.0.0.1:8080/} round robin over the two demo backends it starts itself.
 * The shipped etc/haproxy.cfg and etc/dev.fulcrum.demo.cfg are used as they are, with only their
 * port numbers moved to free ones, so that a developer's running scripts/run does not collide.
 */
class EmbeddedDefaultIT {

    private static final Path APP = Path.of(System.getProperty("fulcrum.test.app", "target/fulcrum"));
    private static final long DEADLINE_SECONDS = 60;

    @Test
    void theDefaultConfigurationAlternatesBetweenTheDemoBackends(@TempDir Path work) throws Exception {
        int[] ports = freePorts(3);
        Path etc = Files.createDirectories(work.resolve("etc"));
        String haproxy = Files.readString(APP.resolve("etc/haproxy.cfg"));
        String demo = Files.readString(APP.resolve("etc/dev.fulcrum.demo.cfg"));
        assertTrue(haproxy.contains("bind 127.0.0.1:8080") && haproxy.contains("balance roundrobin"), haproxy);
        assertTrue(demo.contains("ports=8081,8082"), demo);
        Files.writeString(etc.resolve("haproxy.cfg"), haproxy.replace(":8080", ":" + ports[0])
                .replace(":8081", ":" + ports[1]).replace(":8082", ":" + ports[2]));
        Files.writeString(etc.resolve("dev.fulcrum.demo.cfg"),
                demo.replace("ports=8081,8082", "ports=" + ports[1] + "," + ports[2]));

        Process process = launcher(work, etc).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready in ")) {
                lines.add(line);
            }
            String transcript = String.join("\n", lines);
            assertTrue(transcript.contains("  listening      127.0.0.1:" + ports[0] + " (proxy, from "), transcript);
            // keep draining the log so that the process never blocks on a full pipe
            Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "launcher-output");
            drain.setDaemon(true);
            drain.start();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI proxy = URI.create("http://127.0.0.1:" + ports[0] + "/");
            String first = awaitFirstAnswer(client, proxy);
            List<String> bodies = new ArrayList<>(List.of(first));
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                bodies.add(response.body());
            }
            for (int i = 0; i < bodies.size(); i++) {
                assertTrue(bodies.get(i).equals("backend 1\n") || bodies.get(i).equals("backend 2\n"), bodies.toString());
                if (i > 0) {
                    assertNotEquals(bodies.get(i - 1), bodies.get(i), "round robin alternates: " + bodies);
                }
            }
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s of SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    private static ProcessBuilder launcher(Path work, Path etc) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "@" + APP.resolve("lib/jvm.options"),
                "-jar", APP.resolve("lib/fulcrum-launcher.jar").toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("FULCRUM_CONF", etc.toString());
        builder.environment().put("FULCRUM_STATE", work.resolve("state").toString());
        return builder;
    }

    /** The configuration directory is applied after "ready": poll until the proxy answers. */
    private static String awaitFirstAnswer(HttpClient client, URI proxy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 200 from " + proxy + " within " + DEADLINE_SECONDS + " s; last: " + last);
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
