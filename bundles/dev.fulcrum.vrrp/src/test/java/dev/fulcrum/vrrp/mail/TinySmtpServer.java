package dev.fulcrum.vrrp.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small SMTP server on loopback (RFC 5321 section 4.1/4.2) for the tests: it answers each command
 * with what {@code replies} says (a normal server's reply when it returns null) and hands every
 * finished conversation over: the commands the client sent and the message after DATA, exactly as
 * received (CRLF kept, up to and including the "." line).
 */
final class TinySmtpServer implements AutoCloseable {

    /** What a client said in one connection. */
    record Conversation(List<String> commands, String data) {
    }

    private final ServerSocket socket;
    private final Function<String, String> replies;
    private final BlockingQueue<Conversation> conversations = new LinkedBlockingQueue<>();
    /** Held closed, the server accepts and then says nothing: a server that hangs. */
    private final CountDownLatch greet;
    private final Thread thread;

    private TinySmtpServer(Function<String, String> replies, boolean silent) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.replies = replies;
        this.greet = new CountDownLatch(silent ? 1 : 0);
        this.thread = new Thread(this::serve, "tiny-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    static TinySmtpServer answering(Function<String, String> replies) throws IOException {
        return new TinySmtpServer(replies, false);
    }

    static TinySmtpServer normal() throws IOException {
        return answering(command -> null);
    }

    /** Accepts connections but sends no greeting until {@link #speak()}. */
    static TinySmtpServer silent() throws IOException {
        return new TinySmtpServer(command -> null, true);
    }

    int port() {
        return socket.getLocalPort();
    }

    void speak() {
        greet.countDown();
    }

    /** The next finished conversation; fails the test when none comes within 10 s. */
    Conversation next() throws InterruptedException {
        Conversation c = conversations.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no SMTP conversation within 10 s");
        }
        return c;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                greet.await();
                converse(client);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        List<String> commands = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        reply(out, "220 tiny.test ESMTP ready");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String custom = replies.apply(line);
            if (custom != null) {
                reply(out, custom);
                continue;
            }
            String verb = line.split("[ :]")[0].toUpperCase();
            switch (verb) {
                // a multi-line reply (RFC 5321 section 4.2.1) that the client must read to its end
                case "HELO", "EHLO" -> reply(out, "250-tiny.test greets you\r\n250 HELP");
                case "DATA" -> {
                    reply(out, "354 end data with <CR><LF>.<CR><LF>");
                    String dataLine;
                    while ((dataLine = in.readLine()) != null) {
                        data.append(dataLine).append("\r\n");
                        if (dataLine.equals(".")) {
                            break;
                        }
                    }
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    conversations.add(new Conversation(commands, data.toString()));
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
        conversations.add(new Conversation(commands, data.toString()));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        greet.countDown();
        socket.close();
    }
}
