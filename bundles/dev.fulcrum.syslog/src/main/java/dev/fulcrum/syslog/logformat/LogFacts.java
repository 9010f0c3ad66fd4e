package dev.fulcrum.syslog.logformat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one TCP connection or HTTP request, as the proxy knows them when it logs
 * (configuration.txt 8.2.2 and 8.2.3 describe each field).
 *
 * <p>What haproxy 2.6.12 logs for a request it rejects itself before parsing it (400, "PR--"),
 * measured: backend = the frontend's name, no server, timers -1/-1/-1/-1/0, {@code %B} 0, no
 * captures ({@link Captures#NONE}, even when captures are configured) and no request line.
 *
 * @param client          {@code %ci:%cp}
 * @param acceptDate      {@code %t}: when the connection was accepted
 * @param requestDate     {@code %tr}: when the first byte of the HTTP request arrived (the accept date in TCP mode)
 * @param frontend        {@code %f}
 * @param tls             the frontend connection used TLS: {@code %ft} appends "~"
 * @param backend         {@code %b}; the frontend's name when the request never reached a backend
 * @param server          {@code %s}; empty: "&lt;NOSRV&gt;"
 * @param timers          {@code %TR/%Tw/%Tc/%Tr/%Ta}, {@code %Tw/%Tc/%Tt}
 * @param status          {@code %ST}: HTTP status sent to the client (unused by tcplog)
 * @param bytesRead       {@code %B}: bytes sent to the client; in HTTP mode counted as HAProxy 2.6 counts
 *                        them, see {@link #httpBytesRead}
 * @param bytesFromClient bytes received from the client: "option dontlognull" needs it
 * @param termination     {@code %ts} / {@code %tsc}
 * @param connections     {@code %ac/%fc/%bc/%sc/%rc %sq/%bq}
 * @param captures        {@code %CC %CS %hr %hs}
 * @param requestLine     {@code %r}, the wire bytes as ISO-8859-1 characters; empty: "&lt;BADREQ&gt;"
 */
public record LogFacts(InetSocketAddress client, Instant acceptDate, Instant requestDate, String frontend, boolean tls,
        String backend, Optional<String> server, Timers timers, int status, long bytesRead, long bytesFromClient,
        TerminationState termination, Connections connections, Captures captures, Optional<String> requestLine) {

    public LogFacts {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(acceptDate, "acceptDate");
        Objects.requireNonNull(requestDate, "requestDate");
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(captures, "captures");
        Objects.requireNonNull(requestLine, "requestLine");
        if (client.getAddress() == null) {
            throw new IllegalArgumentException("client address must be resolved: " + client);
        }
        if (bytesRead < 0 || bytesFromClient < 0) {
            throw new IllegalArgumentException("byte counts must be >= 0");
        }
    }

    /**
     * {@code %B} of an HTTP response as HAProxy 2.6 logs it. It counts the response as its internal HTX
     * representation holds it, not the wire bytes: each header field as name plus value, without the
     * ": " and CRLF around them, the start line as its parts plus a fixed overhead, the body as sent.
     * HAProxy's H1 multiplexer keeps Connection header fields out of that representation (it writes
     * its own "connection: close" on the wire), so they are not counted at all. In wire terms:
     * wire bytes − 4 per header field + {@link #HTX_START_LINE_EXTRA}. Measured with haproxy 2.6.12:
     * "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nweb 0" (43 bytes, 1 field) logs 54, with or
     * without the "connection: close" HAProxy adds; the 2- to 4-field responses of
     * HaproxyLogFormatSystemTest agree on every run. A chunked body counts as its data without the
     * chunk framing, plus one byte (measured by the proxy's LogDifferentialTest).
     *
     * @param wireBytes   bytes of the response (head and body) without its Connection header lines
     * @param headerCount header fields in the response, not counting Connection fields
     */
    public static long httpBytesRead(long wireBytes, int headerCount) {
        return wireBytes - 4L * headerCount + HTX_START_LINE_EXTRA;
    }

    /**
     * What the HTX start line counts beyond the wire's status line and blank line (measured, see
     * {@link #httpBytesRead}): 54 logged for 43 sent with one field, 54 = 43 − 4 + 15.
     */
    public static final int HTX_START_LINE_EXTRA = 15;

    /**
     * configuration.txt 4.2 "option dontlognull": with it, a connection on which the client sent no
     * data is not logged (port scans, health probes of other load balancers).
     */
    public boolean shouldLog(boolean dontLogNull) {
        return !dontLogNull || bytesFromClient > 0;
    }
}
