package dev.fulcrum.config.confdir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration-directory contents for the tests. */
final class ConfDirFiles {

    static final String HAPROXY = """
            defaults
                mode http
                timeout connect 5s
                timeout client 30s
                timeout server 30s

            frontend web
                bind 10.0.0.1:80
                default_backend app

            backend app
                server a1 10.0.1.1:8080 check
            """;

    /** Line 12 column 24: a port out of range; line 13: an unknown keyword. */
    static final String HAPROXY_BROKEN = HAPROXY.replace("10.0.1.1:8080 check", "10.0.1.1:99999 check")
            + "    frobnicate on\n";

    static final String KEEPALIVED = """
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 51
                priority 150
                advert_int 1
                virtual_ipaddress {
                    10.0.0.1/24
                }
            }
            """;

    /** Line 4 column 23: VRID out of range. */
    static final String KEEPALIVED_BROKEN = KEEPALIVED.replace("virtual_router_id 51", "virtual_router_id 300");

    private ConfDirFiles() {
    }

    static void write(Path directory, String name, String text) {
        try {
            // Through a temporary file and a rename, as an editor or an admin's mv would: a new inode.
            Path temporary = Files.writeString(directory.resolve("." + name + ".tmp"), text);
            Files.move(temporary, directory.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
