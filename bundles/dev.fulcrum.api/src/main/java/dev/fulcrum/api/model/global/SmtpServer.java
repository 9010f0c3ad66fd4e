package dev.fulcrum.api.model.global;

import dev.fulcrum.api.model.internal.Checks;

/**
 * {@code smtp_server <IP ADDRESS|HOSTNAME> [<PORT>]} (keepalived.conf(5) global_defs; port default 25).
 *
 * @param host an address or a host name, as written
 * @param port 1..65535
 */
public record SmtpServer(String host, int port) {

    public static final int DEFAULT_PORT = 25;

    public SmtpServer {
        Checks.name("host", host);
        Checks.range("port", port, 1, 65535);
    }
}
