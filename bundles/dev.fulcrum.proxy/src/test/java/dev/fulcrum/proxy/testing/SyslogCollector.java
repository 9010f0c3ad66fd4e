package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UDP syslog collector on 127.0.0.1, as rsyslog's imudp would be, that splits each RFC 3164
 * datagram (section 4.1: {@code <PRI>Mmm dd hh:mm:ss TAG[PID]: MSG}) into its parts.
 */
public final class SyslogCollector implements AutoCloseable {

    private static final Pattern RFC3164 = Pattern.compile(
            "<(?<pri>\\d{1,3})>(?<date>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) (?<tag>[^\\[ ]+)\\[(?<pid>\\d+)\\]: "
                    + "(?<msg>.*)\n", Pattern.DOTALL);

    /** One received datagram. */
    public record Message(int priority, String tag, long pid, String text) {
    }

    private final DatagramSocket socket;

    public SyslogCollector() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next message whose text matches {@code wanted}; others (other frontends' lines) are skipped. */
    public Message receive(Predicate<String> wanted) throws IOException {
        while (true) {
            Message message = next(10_000);
            if (wanted.test(message.text())) {
                return message;
            }
        }
    }

    private Message next(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        socket.receive(packet);
        String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        Matcher m = RFC3164.matcher(datagram);
        if (!m.matches()) {
            throw new AssertionError("not an RFC 3164 datagram as HAProxy sends it: " + datagram);
        }
        return new Message(Integer.parseInt(m.group("pri")), m.group("tag"), Long.parseLong(m.group("pid")),
                m.group("msg"));
    }

    @Override
    public void close() {
        socket.close();
    }
}
