package dev.fulcrum.health;

/**
 * HAProxy's server state log lines, character for character as HAProxy 2.6 writes them (checked
 * against the Debian haproxy package by this bundle's differential test), e.g.
 * <pre>
 * Server app/app1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 1 active and 1 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.
 * Server app/app1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 3 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.
 * </pre>
 * The proxy knows the counts; this class only formats. Pure.
 */
public final class HaproxyLogLines {

    /**
     * The backend after the change.
     *
     * @param active   usable non-backup servers
     * @param backup   usable backup servers
     * @param sessions the changed server's current sessions
     * @param requeued sessions moved off (DOWN) or onto (UP) the server's queue
     * @param queued   sessions still in the server's queue (DOWN) or in the backend's (UP)
     */
    public record Backend(int active, int backup, int sessions, int requeued, int queued) {
    }

    private HaproxyLogLines() {
    }

    /** "Server PROXY/SERVER is DOWN, reason: ..., check duration: Nms. A active and B backup servers left. ..." */
    public static String serverDown(String proxy, String server, boolean backupServer, CheckOutcome cause,
            Backend after) {
        return head(proxy, server, backupServer, "DOWN", cause) + ". " + after.active() + " active and "
                + after.backup() + " backup servers left." + runningOnBackup(after) + " " + after.sessions()
                + " sessions active, " + after.requeued() + " requeued, " + after.queued() + " remaining in queue.";
    }

    /** "Server PROXY/SERVER is UP, reason: ..., check duration: Nms. A active and B backup servers online. ..." */
    public static String serverUp(String proxy, String server, boolean backupServer, CheckOutcome cause,
            Backend after) {
        return head(proxy, server, backupServer, "UP", cause) + ". " + after.active() + " active and "
                + after.backup() + " backup servers online." + runningOnBackup(after) + " " + after.requeued()
                + " sessions requeued, " + after.queued() + " total in queue.";
    }

    /** The line HAProxy adds when a backend's last server went DOWN. */
    public static String noServerAvailable(String proxy) {
        return "backend " + proxy + " has no server available!";
    }

    /**
     * The "reason" part: the status description, ", code: N" for layer-7 and external checks,
     * ", info: \"...\"" when there is an explanation, and the duration in whole milliseconds.
     */
    public static String reason(CheckOutcome cause) {
        StringBuilder text = new StringBuilder("reason: ").append(cause.status().description());
        if (cause.status().hasCode() && cause.code().isPresent()) {
            text.append(", code: ").append(cause.code().getAsInt());
        }
        if (!cause.info().isEmpty()) {
            text.append(", info: \"").append(cause.info()).append('"');
        }
        return text.append(", check duration: ").append(cause.duration().toMillis()).append("ms").toString();
    }

    private static String head(String proxy, String server, boolean backupServer, String state, CheckOutcome cause) {
        return (backupServer ? "Backup Server " : "Server ") + proxy + "/" + server + " is " + state + ", "
                + reason(cause);
    }

    private static String runningOnBackup(Backend after) {
        return after.active() == 0 && after.backup() > 0 ? " Running on backup." : "";
    }
}
