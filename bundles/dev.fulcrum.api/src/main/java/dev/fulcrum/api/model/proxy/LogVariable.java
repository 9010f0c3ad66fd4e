package dev.fulcrum.api.model.proxy;

import java.util.Optional;

/**
 * The {@code %} variables of a custom log format that Fulcrum renders (configuration.txt 8.2.6
 * "Custom log format", the table of variables; the fields themselves are described in 8.2.2 and
 * 8.2.3). Left out: {@code %sslc} and {@code %sslv} (Fulcrum's TLS engines name ciphers differently
 * from OpenSSL) and sample expressions {@code %[...]}.
 */
public enum LogVariable {
    BYTES_READ("B"),
    CAPTURED_REQUEST_COOKIE("CC", true),
    CAPTURED_RESPONSE_COOKIE("CS", true),
    HOSTNAME("H"),
    HTTP_METHOD("HM", true),
    HTTP_PATH("HP", true),
    HTTP_PATH_ONLY("HPO", true),
    HTTP_QUERY("HQ", true),
    HTTP_URI("HU", true),
    HTTP_VERSION("HV", true),
    UNIQUE_ID("ID"),
    STATUS("ST"),
    GMT_DATE("T"),
    ACTIVE_TIME("Ta", true),
    CONNECT_TIME("Tc"),
    DATA_TIME("Td"),
    LOCAL_DATE("Tl"),
    HANDSHAKE_TIME("Th"),
    IDLE_TIME("Ti", true),
    REQUEST_TIME_WITH_IDLE("Tq", true),
    REQUEST_TIME("TR", true),
    RESPONSE_TIME("Tr", true),
    TIMESTAMP("Ts"),
    TOTAL_TIME("Tt"),
    USER_TIME("Tu"),
    QUEUE_TIME("Tw"),
    BYTES_UPLOADED("U"),
    ACTIVE_CONNECTIONS("ac"),
    BACKEND("b"),
    BACKEND_CONNECTIONS("bc"),
    BACKEND_SOURCE_IP("bi"),
    BACKEND_SOURCE_PORT("bp"),
    BACKEND_QUEUE("bq"),
    CLIENT_IP("ci"),
    CLIENT_PORT("cp"),
    FRONTEND("f"),
    FRONTEND_CONNECTIONS("fc"),
    FRONTEND_IP("fi"),
    FRONTEND_PORT("fp"),
    FRONTEND_TRANSPORT("ft"),
    FRONTEND_LOG_COUNTER("lc"),
    CAPTURED_REQUEST_HEADERS("hr"),
    CAPTURED_REQUEST_HEADER_LIST("hrl"),
    CAPTURED_RESPONSE_HEADERS("hs"),
    CAPTURED_RESPONSE_HEADER_LIST("hsl"),
    ACCEPT_MILLISECONDS("ms"),
    PID("pid"),
    REQUEST_LINE("r", true),
    RETRIES("rc"),
    REQUEST_COUNTER("rt"),
    SERVER("s"),
    SERVER_CONNECTIONS("sc"),
    SERVER_IP("si"),
    SERVER_PORT("sp"),
    SERVER_QUEUE("sq"),
    ACCEPT_DATE("t"),
    REQUEST_DATE("tr", true),
    REQUEST_GMT_DATE("trg", true),
    REQUEST_LOCAL_DATE("trl", true),
    TERMINATION_STATE("ts"),
    TERMINATION_STATE_WITH_COOKIES("tsc", true);

    private final String code;
    private final boolean httpOnly;

    LogVariable(String code) {
        this(code, false);
    }

    LogVariable(String code, boolean httpOnly) {
        this.code = code;
        this.httpOnly = httpOnly;
    }

    /** Marked "H" in 8.2.6's table: HAProxy refuses it in a tcp-mode proxy ("reserved for HTTP mode"). */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** The name after {@code %}, e.g. "ci". */
    public String code() {
        return code;
    }

    /** The variable written {@code %code}, if Fulcrum renders it (names are case-sensitive). */
    public static Optional<LogVariable> of(String code) {
        for (LogVariable variable : values()) {
            if (variable.code.equals(code)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
