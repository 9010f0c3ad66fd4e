package dev.fulcrum.vrrp.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One plain SMTP dialogue as keepalived holds it (RFC 5321 section 3): greeting 220, HELO 250,
 * MAIL FROM 250, RCPT TO 250/251 for each recipient, DATA 354, the message 250, QUIT 221. The
 * connection and every reply wait at most {@code smtp_connect_timeout}. A refused step is an
 * {@link IOException} naming the command and the server's reply.
 */
final class SmtpClient {

    private final SmtpSettings settings;

    SmtpClient(SmtpSettings settings) {
        this.settings = settings;
    }

    /** @param data the message as {@link MailText} writes it, ending with the "." line */
    void send(String data) throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            } catch (IOException e) {
                throw new IOException("connect to " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
            }
            socket.setSoTimeout(timeout);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "connection", 220);
            command(in, out, "HELO " + settings.heloName(), 250);
            command(in, out, "MAIL FROM:<" + settings.from() + ">", 250);
            for (String recipient : settings.to()) {
                command(in, out, "RCPT TO:<" + recipient + ">", 250, 251);
            }
            command(in, out, "DATA", 354);
            out.write(data.getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "message", 250);
            command(in, out, "QUIT", 221);
        }
    }

    private static void command(BufferedReader in, OutputStream out, String line, int... accepted)
            throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, line, accepted);
    }

    /** Reads one reply, multi-line ("250-...") until its last line ("250 ..."), RFC 5321 section 4.2.1. */
    private static void expect(BufferedReader in, String step, int... accepted) throws IOException {
        String line;
        do {
            try {
                line = in.readLine();
            } catch (SocketTimeoutException e) {
                throw new IOException(step + ": no reply within smtp_connect_timeout", e);
            }
            if (line == null) {
                throw new IOException(step + ": the server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code = line.length() >= 3 && line.substring(0, 3).chars().allMatch(Character::isDigit)
                ? Integer.parseInt(line.substring(0, 3)) : -1;
        for (int ok : accepted) {
            if (code == ok) {
                return;
            }
        }
        throw new IOException(step + ": the server answered '" + line + "'");
    }
}
