package dev.fulcrum.syslog.logformat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/** A typical successful request, to vary one field at a time in tests. */
final class Facts {

    static final Instant ACCEPT = Instant.parse("2026-11-24T22:11:43.685Z");

    private Facts() {
    }

    static InetSocketAddress client(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    static LogFacts ok() {
        return new LogFacts(client("127.0.0.1", 54756), ACCEPT, ACCEPT, "fe", false, "be", Optional.of("s1"),
                new Timers(0, 0, 0, 1, 1, 2), 200, 411, 78, TerminationState.NORMAL,
                new Connections(1, 1, 0, 0, 0, false, 0, 0), Captures.NONE, Optional.of("GET / HTTP/1.1"));
    }

    static LogFacts with(LogFacts f, TerminationState state, Optional<String> server, Timers timers, int status) {
        return new LogFacts(f.client(), f.acceptDate(), f.requestDate(), f.frontend(), f.tls(), f.backend(), server,
                timers, status, f.bytesRead(), f.bytesFromClient(), state, f.connections(), f.captures(),
                f.requestLine());
    }
}
