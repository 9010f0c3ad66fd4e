package dev.fulcrum.config.keepalived;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the syntax layer knows of the keepalived 2.2 keyword structure (keepalived.conf(5)): the
 * top-level keywords, and which keywords open a {@code { ... }} block in which context. It is
 * used to report unknown top-level keywords and block openers written without their '{'; the
 * keywords inside blocks are checked later, by the model mapping.
 */
public final class KeepalivedGrammar {

    /** Keywords allowed at the top level, most used first (the order of "expected ..." messages). */
    public static final List<String> TOP_LEVEL_KEYWORDS = List.of(
            // VRRPD CONFIGURATION
            "vrrp_instance", "vrrp_sync_group", "vrrp_script",
            // LVS CONFIGURATION
            "virtual_server", "virtual_server_group",
            // GLOBAL CONFIGURATION: Global definitions, static addresses, routes and rules
            "global_defs", "static_ipaddress", "static_routes", "static_rules", "static_track_group",
            "linkbeat_interfaces", "garp_group",
            // trackers shared by vrrp_instance and vrrp_sync_group ("vrrp_track_file" is the old name)
            "track_file", "vrrp_track_file", "vrrp_track_process",
            // BFD CONFIGURATION, and the SSL context of SSL_GET
            "bfd_instance", "SSL",
            // global daemon facilities written before global_defs
            "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir",
            "linkbeat_use_polling", "child_wait_time");

    private static final int SHOWN_IN_MESSAGES = 6;

    private static final String TOP = "";

    private static final Set<String> CHECKERS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK",
            "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK");

    private static final Set<String> TRACKERS = Set.of("track_interface", "track_script", "track_file",
            "track_process", "track_bfd");

    /** Parent keyword (TOP for the top level) to the keywords that open a block inside it. */
    private static final Map<String, Set<String>> BLOCKS = Map.ofEntries(
            Map.entry(TOP, Set.of("global_defs", "linkbeat_interfaces", "static_ipaddress", "static_routes",
                    "static_rules", "static_track_group", "vrrp_sync_group", "garp_group", "track_file",
                    "vrrp_track_file", "vrrp_track_process", "vrrp_script", "vrrp_instance", "bfd_instance",
                    "virtual_server_group", "virtual_server", "SSL")),
            Map.entry("global_defs", Set.of("notification_email")),
            Map.entry("static_track_group", Set.of("group")),
            Map.entry("garp_group", Set.of("interfaces")),
            Map.entry("vrrp_sync_group", union(TRACKERS, Set.of("group"))),
            // track_subsystem: Fulcrum's own tracker of its subsystems (TrackedSubsystem), not keepalived's
            Map.entry("vrrp_instance", union(TRACKERS, Set.of("authentication", "virtual_ipaddress",
                    "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules", "unicast_peer",
                    "track_subsystem"))),
            Map.entry("virtual_server", Set.of("real_server")),
            Map.entry("real_server", CHECKERS),
            Map.entry("HTTP_GET", Set.of("url")),
            Map.entry("SSL_GET", Set.of("url")),
            Map.entry("SMTP_CHECK", Set.of("host")));

    private KeepalivedGrammar() {
    }

    public static boolean isTopLevelKeyword(String keyword) {
        return TOP_LEVEL_KEYWORDS.contains(keyword);
    }

    /**
     * Whether {@code keyword} opens a block where it stands.
     *
     * @param parentKeyword the keyword of the enclosing block, or {@code null} at the top level
     */
    public static boolean opensBlock(String parentKeyword, String keyword) {
        return BLOCKS.getOrDefault(parentKeyword == null ? TOP : parentKeyword, Set.of()).contains(keyword);
    }

    /** "unknown keyword: expected vrrp_instance, ..., (did you mean X?)" for an unknown top-level keyword. */
    public static String unknownTopLevelMessage(String keyword) {
        String expected = String.join(", ", TOP_LEVEL_KEYWORDS.subList(0, SHOWN_IN_MESSAGES)) + ", ...";
        return "unknown keyword: expected " + expected
                + suggest(keyword, TOP_LEVEL_KEYWORDS).map(s -> " (did you mean " + s + "?)").orElse("");
    }

    /**
     * The candidate closest to {@code word} (ignoring case), if it is close enough to be a likely
     * misspelling; the first such candidate on a tie.
     */
    public static Optional<String> suggest(String word, List<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = lower.length() <= 4 ? 1 : lower.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Math.abs(a.length() - b.length());
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
