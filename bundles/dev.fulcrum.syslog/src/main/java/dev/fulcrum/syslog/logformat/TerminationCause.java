package dev.fulcrum.syslog.logformat;

/**
 * First character of the termination state (configuration.txt 8.5 "Session state at
 * disconnection"): the first event that caused the session to terminate.
 */
public enum TerminationCause {
    /** C: the TCP session was unexpectedly aborted by the client. */
    CLIENT_ABORT('C'),
    /** S: the TCP session was unexpectedly aborted by the server, or the server explicitly refused it. */
    SERVER_ABORT('S'),
    /**
     * P: the session was prematurely aborted by the proxy: connection limit enforcement, a deny rule,
     * or a security check that blocked a dangerous server response.
     */
    PROXY_ABORT('P'),
    /** L: the session was locally processed by HAProxy and was not passed to a server (e.g. stats, redirects). */
    LOCAL('L'),
    /** R: a resource on the proxy has been exhausted (memory, sockets, source ports...). */
    RESOURCE('R'),
    /** I: an internal error was identified by the proxy during a self-check. */
    INTERNAL('I'),
    /** D: killed because the server was detected as down and was configured to kill all connections when going down. */
    SERVER_DOWN('D'),
    /** U: killed on this backup server because an active server came up and backup connections are killed then. */
    SERVER_UP('U'),
    /** K: actively killed by an admin operating on the proxy. */
    KILLED('K'),
    /** c: the client-side timeout expired while waiting for the client to send or receive data. */
    CLIENT_TIMEOUT('c'),
    /** s: the server-side timeout expired while waiting for the server to send or receive data. */
    SERVER_TIMEOUT('s'),
    /** -: normal session completion, both sides closed with nothing left in the buffers. */
    NORMAL('-');

    private final char code;

    TerminationCause(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
