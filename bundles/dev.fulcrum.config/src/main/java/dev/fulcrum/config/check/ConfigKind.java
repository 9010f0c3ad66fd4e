package dev.fulcrum.config.check;

import java.util.Optional;
import java.util.Set;

/**
 * Which product a configuration file is written for, decided from its content (not its name:
 * admins keep copies such as {@code lb1.conf.new}) by the first top-level keyword.
 */
public enum ConfigKind {
    KEEPALIVED,
    HAPROXY;

    /** Top-level keywords of keepalived.conf(5) (keepalived 2.2). */
    private static final Set<String> KEEPALIVED_KEYWORDS = Set.of("global_defs", "vrrp_instance",
            "vrrp_sync_group", "vrrp_script", "track_file", "vrrp_track_file", "vrrp_track_process", "virtual_server",
            "virtual_server_group", "static_ipaddress", "static_routes", "static_rules", "include",
            "linkbeat_interfaces", "bfd_instance", "garp_group", "net_namespace", "instance");

    /** Section keywords of HAProxy's configuration.txt, section 2.1 and 3/4. */
    private static final Set<String> HAPROXY_KEYWORDS = Set.of("global", "defaults", "frontend", "backend",
            "listen", "userlist", "peers", "resolvers", "mailers", "program", "http-errors", "ring", "cache");

    /**
     * The kind of the text, or empty when the first keyword belongs to neither (or there is none).
     * Skipped before it: blank lines, comments ({@code #}, and keepalived's {@code !}), keepalived
     * parameter definitions ({@code $NAME=...}) and HAProxy's conditional directives ({@code .if}).
     */
    public static Optional<ConfigKind> detect(String text) {
        for (String rawLine : text.split("\n", -1)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || line.startsWith("$")
                    || line.startsWith(".")) {
                continue;
            }
            String[] words = line.split("[\\s{]+", 3);
            String first = words[0];
            if (first.startsWith("@") && words.length > 1) {
                first = words[1]; // keepalived's "@config_id keyword ..." line
            }
            if (KEEPALIVED_KEYWORDS.contains(first)) {
                return Optional.of(KEEPALIVED);
            }
            if (HAPROXY_KEYWORDS.contains(first)) {
                return Optional.of(HAPROXY);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The name used in messages and options: keepalived, haproxy. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
