package dev.fulcrum.config.check;

/**
 * Large, valid configurations for the benchmark (scripts/bench-config): the same text is checked
 * by Fulcrum and by the references ({@code haproxy -c}, {@code keepalived -t}), so it uses only
 * keywords both sides accept and literal IP addresses (no DNS look-up in either).
 */
final class BigConfigs {

    private BigConfigs() {
    }

    /** {@code virtualServers} virtual_server blocks of {@code realServers} real_server with TCP_CHECK. */
    static String keepalived(int virtualServers, int realServers) {
        StringBuilder text = new StringBuilder(virtualServers * realServers * 120);
        text.append("global_defs {\n    router_id BENCH\n}\n");
        for (int v = 0; v < virtualServers; v++) {
            text.append("virtual_server 10.").append(v / 250).append('.').append(v % 250).append(".1 80 {\n")
                    .append("    delay_loop 6\n    lb_algo wlc\n    lb_kind NAT\n    persistence_timeout 50\n")
                    .append("    protocol TCP\n");
            for (int r = 0; r < realServers; r++) {
                text.append("    real_server 192.168.").append(v % 250).append('.').append(r + 1).append(" 8080 {\n")
                        .append("        weight 1\n        TCP_CHECK {\n            connect_timeout 3\n")
                        .append("            connect_port 8080\n        }\n    }\n");
            }
            text.append("}\n");
        }
        return text.toString();
    }

    /**
     * {@code backends} backends of {@code servers} servers with health checks, and one frontend per
     * ten backends routing to them by Host header.
     */
    static String haproxy(int backends, int servers) {
        StringBuilder text = new StringBuilder(backends * servers * 60);
        text.append("global\n    maxconn 20000\n\n")
                .append("defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n")
                .append("    timeout server 30s\n\n");
        for (int f = 0; f * 10 < backends; f++) {
            text.append("frontend fe").append(f).append("\n    bind 10.1.").append(f / 250).append('.')
                    .append(f % 250).append(":80\n");
            for (int b = f * 10; b < Math.min(backends, f * 10 + 10); b++) {
                text.append("    acl host_be").append(b).append(" hdr(host) -i be").append(b).append(".example.com\n")
                        .append("    use_backend be").append(b).append(" if host_be").append(b).append('\n');
            }
            text.append("    default_backend be").append(f * 10).append("\n\n");
        }
        for (int b = 0; b < backends; b++) {
            text.append("backend be").append(b).append("\n    balance roundrobin\n    option httpchk GET /health\n");
            for (int s = 0; s < servers; s++) {
                text.append("    server s").append(s).append(" 172.16.").append(b % 250).append('.').append(s + 1)
                        .append(":8080 check inter 2s weight 10\n");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
