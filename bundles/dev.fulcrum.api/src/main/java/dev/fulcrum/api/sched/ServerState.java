package dev.fulcrum.api.sched;

/**
 * The administrative and health state of a server as an algorithm sees it (HAProxy management.txt
 * "set server ... state ready|drain|maint"; health checks set UP/DOWN).
 */
public enum ServerState {
    /** Healthy and in service: may be picked. */
    UP,
    /** Failed its health check: never picked. */
    DOWN,
    /** Healthy but draining: keeps its connections (and persistent clients), gets no new picks. */
    DRAIN,
    /** Administratively out of service: never picked. */
    MAINT;

    /** Whether an algorithm may choose the server for a new request. */
    public boolean acceptsNewRequests() {
        return this == UP;
    }
}
