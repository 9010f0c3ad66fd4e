package dev.fulcrum.proxy.stats;

/**
 * The cumulative counters of a frontend, backend or server, each named after the {@code show stat}
 * column it feeds (management.txt 9.1). Which of them a row prints depends on its kind and mode.
 */
public enum Traffic {
    /** stot: sessions (frontend: client connections; backend and server: requests or connections dispatched). */
    SESSIONS,
    /** conn_tot: client connections accepted (frontend). */
    CONNECTIONS,
    /** bin: bytes from the client, or sent to the server. */
    BYTES_IN,
    /** bout: bytes to the client, or received from the server. */
    BYTES_OUT,
    /** ereq: invalid requests (frontend). */
    REQUEST_ERRORS,
    /** econ: requests whose connection to a server failed after every retry. */
    CONNECT_ERRORS,
    /** eresp: invalid or missing server responses. */
    RESPONSE_ERRORS,
    /** wretr: connection retries. */
    RETRIES,
    /** wredis: redispatches to another server. */
    REDISPATCHES,
    /** lbtot: times a server was selected (by the balancing algorithm or by reuse). */
    SELECTED,
    /** req_tot: HTTP requests. */
    REQUESTS,
    /** connect: new connections to servers. */
    SERVER_CONNECTS,
    /** reuse: requests sent over an idle server connection. */
    SERVER_REUSES,
    /** cli_abrt: data transfers the client aborted (its connection closed or failed while a server served it). */
    CLIENT_ABORTS,
    /** srv_abrt: data transfers the server aborted (its connection closed or failed during the response). */
    SERVER_ABORTS,
    /** hrsp_1xx .. hrsp_other: HTTP responses by status class. */
    HRSP_1XX, HRSP_2XX, HRSP_3XX, HRSP_4XX, HRSP_5XX, HRSP_OTHER;

    /** The hrsp_* counter of an HTTP status: 1xx..5xx by class, anything else "other". */
    public static Traffic responseClass(int status) {
        return switch (status / 100) {
            case 1 -> HRSP_1XX;
            case 2 -> HRSP_2XX;
            case 3 -> HRSP_3XX;
            case 4 -> HRSP_4XX;
            case 5 -> HRSP_5XX;
            default -> HRSP_OTHER;
        };
    }
}
