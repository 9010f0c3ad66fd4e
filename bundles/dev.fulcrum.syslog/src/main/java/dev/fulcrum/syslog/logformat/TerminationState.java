package dev.fulcrum.syslog.logformat;

import java.util.Objects;

/**
 * The termination state of configuration.txt 8.5: {@code %ts} (two characters, tcplog) or
 * {@code %tsc} (four characters, httplog, with the cookie flags).
 */
public record TerminationState(TerminationCause cause, SessionPhase phase, ClientCookie clientCookie,
        ServerCookie serverCookie) {

    /** "----": a normal completion with no cookie configured. */
    public static final TerminationState NORMAL = of(TerminationCause.NORMAL, SessionPhase.NORMAL);

    public TerminationState {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(clientCookie, "clientCookie");
        Objects.requireNonNull(serverCookie, "serverCookie");
    }

    /** A state with the cookie flags not applicable, e.g. {@code of(CLIENT_TIMEOUT, DATA)} for "cD". */
    public static TerminationState of(TerminationCause cause, SessionPhase phase) {
        return new TerminationState(cause, phase, ClientCookie.NOT_APPLICABLE, ServerCookie.NOT_APPLICABLE);
    }

    /** {@code %ts}. */
    public String twoChars() {
        return new String(new char[] {cause.code(), phase.code()});
    }

    /** {@code %tsc}. */
    public String fourChars() {
        return new String(new char[] {cause.code(), phase.code(), clientCookie.code(), serverCookie.code()});
    }
}
