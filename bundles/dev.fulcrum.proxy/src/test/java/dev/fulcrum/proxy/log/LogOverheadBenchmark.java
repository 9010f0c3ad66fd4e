package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.HaproxyProcess;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import dev.fulcrum.syslog.SyslogSinks;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "option httplog" costs: requests per second through Fulcrum and through HAProxy 2.6
 * ({@code nbthread 1}), each with a frontend that logs every request to a UDP collector and one that
 * does not, in front of the same nginx; {@code wrk -t1 -c32} alternating over the four, 3 rounds.
 * Prints each run, the medians, the log/no-log ratio of each proxy and the load average. Run it
 * with the proxies alone on CPU 0 (this JVM: Fulcrum with one event loop, and HAProxy, which it
 * pins there); nginx and wrk go to CPU 1:
 * {@code taskset -c 0 java -cp target/classes:target/test-classes:CLASSPATH dev.fulcrum.proxy.log.LogOverheadBenchmark}.
 */
public final class LogOverheadBenchmark {

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final String CFG = """
            global
                maxconn 4000
                nbthread 1
                log "127.0.0.1:${LOG_PORT}" local0
            defaults
                mode http
                timeout connect 5s
                timeout client 30s
                timeout server 30s
            frontend plain
                bind "127.0.0.1:${PLAIN}"
                default_backend web
            frontend logged
                bind "127.0.0.1:${LOGGED}"
                log global
                option httplog
                default_backend web
            backend web
                server nginx "127.0.0.1:${BACKEND}"
            """;

    private LogOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        String duration = System.getProperty("duration", "5s");
        Path dir = Files.createTempDirectory("log-bench");
        List<Process> started = new ArrayList<>();
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicLong lines = drain(collector);
            int backend = Models.freePort();
            started.add(nginx(dir, backend));
            Map<String, String> fulcrumEnv = env(collector.getLocalPort(), backend);
            Map<String, String> haproxyEnv = env(collector.getLocalPort(), backend);
            Path cfg = Files.writeString(dir.resolve("haproxy.cfg"), CFG);
            try (Transport transport = Transport.create(1, true);
                    ProxyRuntime fulcrum = new ProxyRuntime(transport, new RoundRobinRegistry(), InstantSource.system());
                    HaproxyProcess haproxy = HaproxyProcess.start(cfg, haproxyEnv, Integer.parseInt(haproxyEnv.get("LOGGED")))) {
                fulcrum.syslogService(Optional.of(SyslogSinks::open));
                ProxyConfig config = HaproxyConfigs.read(cfg, CFG, fulcrumEnv, false);
                var errors = fulcrum.apply(config);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("Fulcrum refused the configuration: " + errors);
                }
                pin(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("haproxy"))
                        .findFirst().orElseThrow().pid());
                Map<String, Integer> targets = new LinkedHashMap<>();
                targets.put("fulcrum no log", Integer.parseInt(fulcrumEnv.get("PLAIN")));
                targets.put("fulcrum httplog", Integer.parseInt(fulcrumEnv.get("LOGGED")));
                targets.put("haproxy no log", Integer.parseInt(haproxyEnv.get("PLAIN")));
                targets.put("haproxy httplog", Integer.parseInt(haproxyEnv.get("LOGGED")));
                Map<String, List<Double>> results = new LinkedHashMap<>();
                targets.keySet().forEach(k -> results.put(k, new ArrayList<>()));
                targets.forEach((name, port) -> wrk(port, "2s")); // warm-up
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, Integer> target : targets.entrySet()) {
                        double rate = wrk(target.getValue(), duration);
                        results.get(target.getKey()).add(rate);
                        System.out.printf("round %d  %-16s %10.0f req/s%n", round, target.getKey(), rate);
                    }
                }
                report(results, lines.get());
            }
        } finally {
            started.forEach(Process::destroy);
        }
    }

    private static Map<String, String> env(int logPort, int backend) {
        return new HashMap<>(Map.of("LOG_PORT", String.valueOf(logPort), "BACKEND", String.valueOf(backend),
                "PLAIN", String.valueOf(Models.freePort()), "LOGGED", String.valueOf(Models.freePort())));
    }

    private static void report(Map<String, List<Double>> results, long lines) throws IOException {
        Map<String, Double> median = new LinkedHashMap<>();
        results.forEach((name, rates) -> median.put(name, rates.stream().sorted().toList().get(rates.size() / 2)));
        median.forEach((name, rate) -> System.out.printf("median   %-16s %10.0f req/s%n", name, rate));
        double fulcrum = median.get("fulcrum httplog") / median.get("fulcrum no log");
        double haproxy = median.get("haproxy httplog") / median.get("haproxy no log");
        System.out.printf("httplog/no-log: fulcrum %.3f, haproxy %.3f; fulcrum/haproxy with httplog %.3f, without %.3f%n",
                fulcrum, haproxy, median.get("fulcrum httplog") / median.get("haproxy httplog"),
                median.get("fulcrum no log") / median.get("haproxy no log"));
        System.out.println("log lines received: " + lines + "; load average: "
                + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static AtomicLong drain(DatagramSocket socket) {
        AtomicLong lines = new AtomicLong();
        Thread reader = new Thread(() -> {
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            while (!socket.isClosed()) {
                try {
                    socket.receive(packet);
                    lines.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "log-collector");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static Process nginx(Path dir, int port) throws IOException {
        Path conf = Files.writeString(dir.resolve("nginx.conf"), "worker_processes 1;\ndaemon off;\npid " + dir
                + "/nginx.pid;\nerror_log " + dir + "/nginx.err;\nevents { worker_connections 1024; }\nhttp {\n"
                + "    access_log off;\n    keepalive_requests 1000000;\n    client_body_temp_path " + dir + ";\n"
                + "    server { listen 127.0.0.1:" + port + "; location / { return 200 \"hello\\n\"; } }\n}\n");
        return new ProcessBuilder("taskset", "-c", "1", "nginx", "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    private static void pin(long pid) throws IOException, InterruptedException {
        new ProcessBuilder("taskset", "-a", "-p", "-c", "0", String.valueOf(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static double wrk(int port, String duration) {
        try {
            Process wrk = new ProcessBuilder("taskset", "-c", "1", "wrk", "-t1", "-c32", "-d" + duration,
                    "http://127.0.0.1:" + port + "/").redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            out.lines().filter(l -> l.contains("Non-2xx") || l.contains("Socket errors"))
                    .forEach(l -> System.out.println("  wrk on " + port + ":" + l));
            Matcher m = REQUESTS.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("wrk: " + out);
            }
            return Double.parseDouble(m.group(1));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk on port " + port + ": " + e.getMessage(), e);
        }
    }
}
