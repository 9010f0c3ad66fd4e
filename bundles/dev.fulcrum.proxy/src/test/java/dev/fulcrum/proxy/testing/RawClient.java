package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A byte-exact HTTP client over one socket: sends what it is told, reads content-length responses. */
public final class RawClient implements AutoCloseable {

    /** One response: the status, the whole head as text, the body as text. */
    public record Response(int status, String head, String body) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Over a socket the caller connected (a TLS socket, for instance). */
    public RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(Integer.getInteger("rawclient.timeout", 20_000));
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public RawClient send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    public OutputStream output() {
        return out;
    }

    public InputStream input() {
        return in;
    }

    public Response read() throws IOException {
        String text = HttpBackend.readHead(in);
        if (text == null) {
            throw new IOException("connection closed before a response");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length: ");
        int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 18, lower.indexOf("\r\n", at + 2)).trim());
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(text.substring(9, 12)), text, new String(body, StandardCharsets.ISO_8859_1));
    }

    /** Whether the proxy closed the connection (end of stream, nothing more sent). */
    public boolean closedByPeer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
