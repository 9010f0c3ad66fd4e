package dev.fulcrum.proxy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A minimal keep-alive HTTP/1.1 server on a {@link TcpBackend}: reads each request head and its
 * body (content-length or chunked, counted, not kept), records the head, and answers 200 with its
 * name and the body size. A deliberately independent implementation, so the proxy is checked
 * against someone else's reading of the bytes.
 */
public final class HttpBackend implements AutoCloseable {

    private final String name;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final TcpBackend server;
    private final LongConsumer onBodyBytes;

    public HttpBackend(String name) throws IOException {
        this(name, bytes -> { });
    }

    /** Listens on a given loopback port (to restart a stopped backend where the proxy expects it). */
    public HttpBackend(String name, int port) throws IOException {
        this.name = name;
        this.onBodyBytes = bytes -> { };
        this.server = new TcpBackend(port, this::serve);
    }

    /** @param onBodyBytes called after each piece of body read (to sample memory while streaming) */
    public HttpBackend(String name, LongConsumer onBodyBytes) throws IOException {
        this.name = name;
        this.onBodyBytes = onBodyBytes;
        this.server = new TcpBackend(this::serve);
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            heads.add(head);
            String lower = head.toLowerCase(Locale.ROOT);
            long body = 0;
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                body = ChunkedReader.read(in, null, onBodyBytes);
            } else {
                int at = lower.indexOf("\r\ncontent-length: ");
                if (at >= 0) {
                    long length = Long.parseLong(lower.substring(at + 18, lower.indexOf("\r\n", at + 2)).trim());
                    body = skip(in, length);
                }
            }
            String text = name + " " + body;
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + text.length() + "\r\n\r\n" + text)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (lower.contains("\r\nconnection: close")) {
                return;
            }
        }
    }

    /** One message head up to and including its empty line (CRLF CRLF), or null at end of stream. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private long skip(InputStream in, long length) throws IOException {
        byte[] buffer = new byte[65536];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("body cut short");
            }
            left -= n;
            onBodyBytes.accept(length - left);
        }
        return length;
    }

    public int port() {
        return server.port();
    }

    /** Connections accepted so far. */
    public int connections() {
        return server.accepted();
    }

    /** The request heads received, as sent by the proxy. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    @Override
    public void close() {
        server.close();
    }
}
