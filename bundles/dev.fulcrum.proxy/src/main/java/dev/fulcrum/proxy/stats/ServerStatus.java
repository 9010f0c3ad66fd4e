package dev.fulcrum.proxy.stats;

import dev.fulcrum.api.sched.ServerState;

/** A server's {@code status} column as HAProxy 2.6 prints it (management.txt 9.1 "status"). */
final class ServerStatus {

    private ServerStatus() {
    }

    /**
     * MAINT and DRAIN as set; a server without {@code check} (configuration.txt 5.2) that is up is
     * "no check"; a checked one is UP or DOWN.
     */
    static String of(ServerState state, boolean checked) {
        return switch (state) {
            case MAINT -> "MAINT";
            case DRAIN -> "DRAIN";
            case DOWN -> "DOWN";
            case UP -> checked ? "UP" : "no check";
        };
    }
}
