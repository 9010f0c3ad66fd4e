package dev.fulcrum.syslog.logformat;

/** Fourth character of the HTTP termination state (configuration.txt 8.5): what happened to the server's cookie. */
public enum ServerCookie {
    /** N: NO cookie was provided by the server, and none was inserted either. */
    NONE('N'),
    /** I: no cookie was provided by the server, and the proxy INSERTED one. */
    INSERTED('I'),
    /** U: the proxy UPDATED the cookie (inserted mode with maxidle/maxlife). */
    UPDATED('U'),
    /** D: the cookie set by the server was DELETED (cookie indirect). */
    DELETED('D'),
    /** P: a cookie was PROVIDED by the server and transmitted as-is. */
    PROVIDED('P'),
    /** R: the cookie provided by the server was REWRITTEN by the proxy (prefix or rewrite mode). */
    REWRITTEN('R'),
    /** -: does not apply (no cookie set in the configuration). */
    NOT_APPLICABLE('-');

    private final char code;

    ServerCookie(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
