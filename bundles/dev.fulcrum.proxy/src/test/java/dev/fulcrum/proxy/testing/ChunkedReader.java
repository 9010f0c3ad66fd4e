package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Reads a chunked body (RFC 9112 7.1) off a stream, independently of the proxy's decoder. */
public final class ChunkedReader {

    private ChunkedReader() {
    }

    /**
     * @param content receives the content as it arrives (a checksum, say), or null to count it only
     * @param progress told the running total after each piece
     * @return the content length
     */
    public static long read(InputStream in, OutputStream content, LongConsumer progress) throws IOException {
        return read(in, content, progress, new ArrayList<>());
    }

    /** The same, adding the trailer field lines (RFC 9112 7.1.2) to {@code trailers}. */
    public static long read(InputStream in, OutputStream content, LongConsumer progress, List<String> trailers)
            throws IOException {
        long total = 0;
        byte[] buffer = new byte[65536];
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                for (String field = line(in); !field.isEmpty(); field = line(in)) {
                    trailers.add(field);
                }
                return total;
            }
            for (int left = size; left > 0; ) {
                int n = in.read(buffer, 0, Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("body cut short");
                }
                if (content != null) {
                    content.write(buffer, 0, n);
                }
                left -= n;
                total += n;
                progress.accept(total);
            }
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("end of stream in a chunk line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
