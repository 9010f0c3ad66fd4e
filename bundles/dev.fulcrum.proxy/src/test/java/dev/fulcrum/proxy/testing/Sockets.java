package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plain loopback client sockets for relay tests. */
public final class Sockets {

    private Sockets() {
    }

    /** A connected loopback socket whose reads give up after 20 s (a hung proxy fails the test). */
    public static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends the text and reads as many bytes back (through an echo server). */
    public static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
    }
}
