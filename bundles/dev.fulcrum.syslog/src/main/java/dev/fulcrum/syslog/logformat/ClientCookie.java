package dev.fulcrum.syslog.logformat;

/** Third character of the HTTP termination state (configuration.txt 8.5): the persistence cookie the client sent. */
public enum ClientCookie {
    /** N: the client provided NO cookie. */
    NONE('N'),
    /** I: the client provided an INVALID cookie matching no known server. */
    INVALID('I'),
    /** D: the cookie designated a server which was DOWN, so another server was chosen. */
    DOWN('D'),
    /** V: the client provided a VALID cookie and was sent to the associated server. */
    VALID('V'),
    /** E: the cookie was valid but its last date was too old (EXPIRED, maxidle). */
    EXPIRED('E'),
    /** O: the cookie was valid but its first date was too old (OLD, maxlife). */
    OLD('O'),
    /** U: a cookie was present but not used to select the server (another mechanism chose it). */
    UNUSED('U'),
    /** -: does not apply (no cookie set in the configuration). */
    NOT_APPLICABLE('-');

    private final char code;

    ClientCookie(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
