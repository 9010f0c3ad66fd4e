package dev.fulcrum.vrrp.system;

import dev.fulcrum.testing.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace with a veth pair: keepalived (Debian keepalived 2.2.7, VRRP only) runs on
 * {@code va} (192.0.2.1/24), the test listens or injects on {@code vb}. Closing stops keepalived
 * and deletes the namespace.
 */
final class KeepalivedRig implements AutoCloseable {

    private final NetworkNamespace namespace;
    private final Path directory;
    private Process keepalived;

    private KeepalivedRig(NetworkNamespace namespace, Path directory) {
        this.namespace = namespace;
        this.directory = directory;
    }

    static KeepalivedRig create(Path directory) throws IOException {
        NetworkNamespace namespace = NetworkNamespace.create("vrrp");
        try {
            namespace.exec("ip", "link", "add", "va", "type", "veth", "peer", "name", "vb");
            namespace.exec("ip", "address", "add", "192.0.2.1/24", "dev", "va");
            namespace.exec("ip", "link", "set", "va", "up");
            namespace.exec("ip", "link", "set", "vb", "up");
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return new KeepalivedRig(namespace, directory);
    }

    NetworkNamespace namespace() {
        return namespace;
    }

    /** keepalived.conf for one VRRPv3 instance on va: VRID 51, advert_int 1, VIP 192.0.2.100/24. */
    static String instance(String state, int priority) {
        return """
                vrrp_instance VI_1 {
                    state %s
                    interface va
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    version 3
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                }
                """.formatted(state, priority);
    }

    /** Starts keepalived in the namespace ({@code -n -l -D -P}, own pid files); its output goes to {@link #log()}. */
    void startKeepalived(String config) throws IOException {
        Path file = Files.writeString(directory.resolve("keepalived.conf"), config);
        keepalived = new ProcessBuilder("ip", "netns", "exec", namespace.name(), "keepalived", "-n", "-l", "-D", "-P",
                "-f", file.toString(), "-p", directory.resolve("k.pid").toString(), "-r",
                directory.resolve("v.pid").toString(), "-c", directory.resolve("c.pid").toString())
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    Path log() {
        return directory.resolve("keepalived.log");
    }

    /** SIGTERM (keepalived resigns with priority 0 if master) and wait for it to exit. */
    void stopKeepalived() throws InterruptedException {
        if (keepalived != null) {
            keepalived.destroy();
            if (!keepalived.waitFor(10, TimeUnit.SECONDS)) {
                keepalived.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stopKeepalived();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            namespace.close();
        }
    }
}
