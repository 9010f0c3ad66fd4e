package dev.fulcrum.syslog.logformat;

/**
 * Second character of the termination state (configuration.txt 8.5): the TCP or HTTP session
 * state when it was closed.
 */
public enum SessionPhase {
    /** R: waiting for a complete, valid REQUEST from the client (HTTP mode only). */
    REQUEST('R'),
    /** Q: waiting in the QUEUE for a connection slot. */
    QUEUE('Q'),
    /** C: waiting for the CONNECTION to establish on the server. */
    CONNECT('C'),
    /** H: waiting for complete, valid response HEADERS from the server (HTTP only). */
    HEADERS('H'),
    /** D: in the DATA phase. */
    DATA('D'),
    /** L: still transmitting LAST data to the client while the server had already finished. */
    LAST_DATA('L'),
    /** T: the request was tarpitted. */
    TARPIT('T'),
    /** -: normal session completion after end of data transfer. */
    NORMAL('-');

    private final char code;

    SessionPhase(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
