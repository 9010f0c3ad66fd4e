package dev.fulcrum.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framing HAProxy 2.6 really sends (Debian's haproxy, {@code log 127.0.0.1:PORT local0}) against
 * Fulcrum's for the same facility, level, tag, pid and message, field by field; only the time may differ.
 */
@SystemTest
class HaproxyFramingSystemTest {

    @TempDir
    Path dir;

    @Test
    void defaultFramingHasNoHostname() throws Exception {
        compare("", Optional.empty(), Rfc3164.DEFAULT_MAX_LENGTH);
    }

    @Test
    void logSendHostnameAddsTheHost() throws Exception {
        compare("    log-send-hostname fulcrum-lb\n", Optional.of("fulcrum-lb"), Rfc3164.DEFAULT_MAX_LENGTH);
    }

    @Test
    void aLineLongerThanLenIsCutAtTheSameByte() throws Exception {
        compare("", Optional.empty(), 100);
    }

    /** With {@code len} below the line's length, Fulcrum gets HAProxy's cut message plus a tail to cut off. */
    private void compare(String globalExtra, Optional<String> hostname, int len) throws Exception {
        int port = Haproxy.freePort();
        try (UdpReceiver haproxyLogs = new UdpReceiver(); UdpReceiver fulcrumLogs = new UdpReceiver()) {
            String config = "global\n    log 127.0.0.1:" + haproxyLogs.port() + " len " + len + " local0\n" + globalExtra
                    + "defaults\n    mode http\n    log global\n    option httplog\n    timeout connect 1s\n"
                    + "    timeout client 2s\n    timeout server 2s\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + "\n    http-request return status 200\n";
            String received;
            long pid;
            try (Haproxy haproxy = Haproxy.start(dir, config, port)) {
                int clientPort = get(port);
                received = haproxyLogs.receive(d -> d.contains(":" + clientPort + " ["));
                pid = haproxy.pid();
            }
            Syslog3164Line theirs = Syslog3164Line.parse(received);

            LogTarget target = new LogTarget("127.0.0.1:" + fulcrumLogs.port(), "local0", Optional.empty());
            String message = len < received.length() ? theirs.message() + " and a tail past len" : theirs.message();
            try (SyslogSink sink = SyslogSinks.open(target, new SyslogOptions(hostname, len))) {
                assertEquals(SyslogSink.Result.SENT,
                        sink.send(Severity.fromKeyword("info"), SyslogSinks.DEFAULT_TAG, pid, message));
            }
            String sent = new String(fulcrumLogs.receive(), StandardCharsets.UTF_8);
            Syslog3164Line ours = Syslog3164Line.parse(sent);
            assertEquals(received.length(), sent.length(), "haproxy: " + received + "fulcrum: " + sent);
            if (len < Rfc3164.DEFAULT_MAX_LENGTH) {
                assertEquals(len + 1, received.length(), "haproxy cut the line to len and added the line feed");
            }

            assertEquals(134, theirs.priority(), "local0.info");
            assertEquals(theirs.priority(), ours.priority());
            assertEquals(theirs.month(), ours.month());
            assertEquals(theirs.day(), ours.day());
            assertEquals(hostname.orElse(""), theirs.hostname());
            assertEquals(theirs.hostname(), ours.hostname());
            assertEquals(theirs.tag(), ours.tag());
            assertEquals(theirs.pid(), ours.pid());
            assertEquals(theirs.message(), ours.message());
        }
    }

    /** One HTTP/1.1 request; returns the client's local port, which HAProxy logs as %cp. */
    static int get(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().readAllBytes();
            return socket.getLocalPort();
        }
    }
}
