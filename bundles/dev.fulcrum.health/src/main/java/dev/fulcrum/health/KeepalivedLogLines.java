package dev.fulcrum.health;

import java.net.InetSocketAddress;

/**
 * keepalived-style checker log lines (keepalived 2.2 wording), e.g.
 * "TCP connection to [10.0.0.2]:tcp:80 success." and
 * "Removing service [10.0.0.2]:tcp:80 from VS [10.0.0.1]:tcp:80". Pure.
 */
public final class KeepalivedLogLines {

    /** Which checker wrote the line. */
    public enum Checker {
        TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, SMTP_CHECK, DNS_CHECK
    }

    private KeepalivedLogLines() {
    }

    /** keepalived's name of a TCP endpoint: "[10.0.0.2]:tcp:80", "[2001:db8::2]:tcp:443". */
    public static String endpoint(InetSocketAddress address) {
        return endpoint(address, "tcp");
    }

    /** keepalived's name of an endpoint of a protocol ("tcp", "udp", "sctp"): "[10.0.0.2]:udp:53". */
    public static String endpoint(InetSocketAddress address, String protocol) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return "[" + host + "]:" + protocol + ":" + address.getPort();
    }

    /** The line keepalived logs for a check result that changed a real server's state. */
    public static String checkResult(Checker checker, String endpoint, CheckOutcome outcome) {
        return switch (checker) {
            case TCP_CHECK -> "TCP connection to " + endpoint + (outcome.passed() ? " success." : " failed.");
            case HTTP_GET, SSL_GET -> web(endpoint, outcome);
            case MISC_CHECK -> "Misc check for " + endpoint + (switch (outcome.status()) {
                case PROCOK -> " succeeded.";
                case PROCTOUT -> " timed out.";
                default -> " failed" + outcome.code().stream().mapToObj(c -> " with exit status " + c)
                        .findFirst().orElse("") + ".";
            });
            case SMTP_CHECK, DNS_CHECK -> checker + " of " + endpoint + (outcome.passed() ? " succeeded."
                    : " failed: " + HaproxyLogLines.reason(outcome) + ".");
        };
    }

    private static String web(String endpoint, CheckOutcome outcome) {
        return switch (outcome.status()) {
            case L7OK -> "HTTP status code success to " + endpoint + ".";
            case L7STS -> "HTTP status code error to " + endpoint + ", status_code [" + outcome.code().orElse(0) + "].";
            case L4TOUT -> "Timeout connecting server " + endpoint + ".";
            case L6TOUT, L7TOUT -> "Timeout WEB read server " + endpoint + ".";
            case L4CON -> "Error connecting server " + endpoint + ".";
            default -> outcome.info().startsWith("MD5 digest mismatch")
                    ? "MD5 digest error to " + endpoint + ", MD5SUM [" + outcome.info().substring(21) + "]."
                    : "Error reading data from server " + endpoint + ": " + outcome.info() + ".";
        };
    }

    /**
     * The IPVS change a real server's new verdict makes (keepalived 2.2 check/ipwrapper.c): "Adding
     * service [RS] to VS [VS]" / "Removing service [RS] from VS [VS]"; with {@code inhibit_on_failure}
     * the server stays at weight 0: "Enabling service [RS] of VS [VS]" / "Disabling service [RS] of VS [VS]"
     * (keepalived 2.2.7's words in the kernel rig's interop run).
     */
    public static String service(boolean adding, String realServer, String virtualServer) {
        return service(adding, false, realServer, virtualServer);
    }

    /** As {@link #service(boolean, String, String)}, for a real server with {@code inhibit_on_failure}. */
    public static String service(boolean adding, boolean inhibit, String realServer, String virtualServer) {
        String verb = inhibit ? (adding ? "Enabling" : "Disabling") : (adding ? "Adding" : "Removing");
        String preposition = inhibit ? " of VS " : adding ? " to VS " : " from VS ";
        return verb + " service " + realServer + preposition + virtualServer;
    }

    /**
     * The line keepalived logs when a {@code misc_dynamic} MISC_CHECK changes a real server's weight
     * (keepalived 2.2 check/ipwrapper.c update_svr_wgt): "Changing weight from 1 to 5 for active service
     * [RS] of VS [VS]", "inactive" while the server is down.
     */
    public static String weightChange(int from, int to, boolean active, String realServer, String virtualServer) {
        return "Changing weight from " + from + " to " + to + " for " + (active ? "" : "in") + "active service "
                + realServer + " of VS " + virtualServer;
    }
}
