package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.fail;

import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import dev.fulcrum.os.internal.OsProcessRunner;
import dev.fulcrum.testing.NetworkNamespace;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A LAN of network namespaces: a switch (bridge br0) and three hosts, each with an interface e0
 * on the bridge: h1 192.0.2.1/24, h2 192.0.2.2/24 and the client 192.0.2.10/24. On h1 and h2 run
 * keepalived 2.2.7 or Fulcrum's {@link VrrpEngine}, both from one keepalived.conf text. Closing
 * stops every peer and deletes the namespaces, also after a failure.
 */
final class VrrpLan implements AutoCloseable {

    static final String VIP = "192.0.2.100";
    private static final long AWAIT_SECONDS = 20;

    private final Path directory;
    private final NetworkNamespace bridge;
    private final List<NetworkNamespace> hosts = new ArrayList<>();
    private final List<Process> keepaliveds = new ArrayList<>();
    private final Map<Process, Path> keepalivedLogs = new HashMap<>();
    private final List<VrrpEngine> engines = new ArrayList<>();

    private VrrpLan(Path directory, NetworkNamespace bridge) {
        this.directory = directory;
        this.bridge = bridge;
    }

    static VrrpLan create(Path directory) throws IOException {
        VrrpLan lan = new VrrpLan(directory, NetworkNamespace.create("sw"));
        try {
            lan.bridge.exec("ip", "link", "add", "br0", "type", "bridge");
            lan.bridge.exec("ip", "link", "set", "br0", "up");
            String[] addresses = {"192.0.2.1/24", "192.0.2.2/24", "192.0.2.10/24"};
            for (int i = 0; i < addresses.length; i++) {
                NetworkNamespace host = NetworkNamespace.create("h" + (i + 1));
                lan.hosts.add(host);
                String port = "p" + (i + 1);
                lan.bridge.exec("ip", "link", "add", port, "type", "veth", "peer", "name", "e0", "netns", host.name());
                lan.bridge.exec("ip", "link", "set", port, "master", "br0", "up");
                host.exec("ip", "address", "add", addresses[i], "dev", "e0");
                host.exec("ip", "link", "set", "e0", "up");
            }
        } catch (IOException | RuntimeException e) {
            lan.close();
            throw e;
        }
        return lan;
    }

    /** Host 1 or 2 (the routers) or 3 (the client). */
    NetworkNamespace host(int number) {
        return hosts.get(number - 1);
    }

    NetworkNamespace client() {
        return host(3);
    }

    /** Starts keepalived (VRRP only) on host {@code number} with {@code config}. */
    Process startKeepalived(int number, String config) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("keepalived-h" + number + "-" + keepaliveds.size()));
        Path file = Files.writeString(dir.resolve("keepalived.conf"), config);
        Process process = new ProcessBuilder("ip", "netns", "exec", host(number).name(), "keepalived", "-n", "-l",
                "-D", "-P", "-f", file.toString(), "-p", dir.resolve("k.pid").toString(), "-r",
                dir.resolve("v.pid").toString(), "-c", dir.resolve("c.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("keepalived.log").toFile()).start();
        keepaliveds.add(process);
        keepalivedLogs.put(process, dir.resolve("keepalived.log"));
        return process;
    }

    /** What {@code keepalived} (started by {@link #startKeepalived}) has logged so far ({@code -l}: to its console). */
    String keepalivedLog(Process keepalived) throws IOException {
        return Files.readString(keepalivedLogs.get(keepalived));
    }

    /**
     * A crash of keepalived: no priority-0 advert. Its parent restarts a VRRP child that dies, and
     * the child resigns when the parent dies, so both are stopped (SIGSTOP) before both are killed.
     */
    void crashKeepalived(Process keepalived) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(keepalived.descendants().toList());
        all.add(keepalived.toHandle());
        List<String> pids = all.stream().map(p -> Long.toString(p.pid())).toList();
        for (String signal : List.of("-STOP", "-KILL")) {
            List<String> command = new ArrayList<>(List.of("kill", signal));
            command.addAll(pids);
            new ProcessBuilder(command).inheritIO().start().waitFor();
        }
        await("keepalived to die", () -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Starts Fulcrum's VRRP engine in host {@code number}'s namespace with the instances of {@code config}. */
    VrrpEngine startFulcrum(int number, String config) throws IOException, InterruptedException {
        return startFulcrum(number, config, name -> Optional.empty());
    }

    /** As {@link #startFulcrum(int, String)}, with Fulcrum's subsystems (for track_subsystem) as {@code subsystems} says. */
    VrrpEngine startFulcrum(int number, String config, VrrpEngine.SubsystemLookup subsystems)
            throws IOException, InterruptedException {
        VrrpEngine engine = new VrrpEngine(new JnaNetlinkConnector(), Namespace.named(host(number).name()),
                InstantSource.system(), new OsProcessRunner(), (instance, change) -> { }, subsystems);
        engines.add(engine);
        KeepalivedConfig parsed = parse(config);
        List<String> problems = engine.apply(parsed.vrrp(), parsed.global().vrrp());
        if (!problems.isEmpty()) {
            fail("Fulcrum could not start: " + problems);
        }
        return engine;
    }

    KeepalivedConfig parse(String config) throws IOException {
        Path file = Files.writeString(Files.createTempFile(directory, "fulcrum", ".conf"), config);
        try {
            return KeepalivedConfigs.read(file, Set.of(), false);
        } catch (Exception e) {
            throw new IOException("keepalived.conf does not parse: " + e.getMessage(), e);
        }
    }

    /** Whether host {@code number}'s e0 carries {@code address}. */
    boolean holds(int number, String address) throws IOException {
        return host(number).exec("ip", "-4", "-o", "address", "show", "dev", "e0").contains(" " + address + "/");
    }

    /** {@code ip netns exec client ping -c1 -W1 address} succeeded. */
    boolean clientPings(String address) {
        try {
            client().exec("ping", "-c1", "-W1", address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The MAC the client's neighbour table has for {@code address} ("" when none). */
    String clientNeighbour(String address) throws IOException {
        String line = client().exec("ip", "neigh", "show", address, "dev", "e0").strip();
        int at = line.indexOf("lladdr ");
        return at < 0 ? "" : line.substring(at + 7).split(" ")[0];
    }

    String macOf(int number) throws IOException {
        String line = host(number).exec("ip", "-o", "link", "show", "dev", "e0");
        int at = line.indexOf("link/ether ");
        return line.substring(at + 11).split(" ")[0];
    }

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after 20 s. */
    static void await(String what, CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + AWAIT_SECONDS + " s waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Asserts {@code condition} keeps holding for {@code millis} (e.g. "no takeover while the master advertises"). */
    static void holdsFor(String what, long millis, CheckedCondition condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (!condition.holds()) {
                fail("no longer true: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    interface CheckedCondition {
        boolean holds() throws Exception;
    }

    @Override
    public void close() throws IOException {
        engines.forEach(VrrpEngine::abort);
        for (Process process : keepaliveds) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        IOException failure = null;
        for (NetworkNamespace namespace : hosts) {
            try {
                namespace.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        bridge.close();
        if (failure != null) {
            throw failure;
        }
    }
}
