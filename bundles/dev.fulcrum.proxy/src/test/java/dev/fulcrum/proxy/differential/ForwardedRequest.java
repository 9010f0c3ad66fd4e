package dev.fulcrum.proxy.differential;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A request as a backend received it, made comparable between two proxies: header names lower
 * case (HAProxy 2.x sends them so; RFC 9110 section 5.1 makes them case-insensitive), values
 * trimmed, and the headers a proxy manages itself removed ({@code connection}: each proxy chooses its
 * own server-side connection mode; {@code x-forwarded-for}: configuration.txt 4.2 "option forwardfor").
 * The request line and the body, chunk framing included, stay byte for byte, CR and LF made visible,
 * except the names of chunked trailer fields, lower-cased like header names (RFC 9112 7.1.2).
 */
final class ForwardedRequest {

    private static final Set<String> PROXY_MANAGED = Set.of("connection", "x-forwarded-for");

    private ForwardedRequest() {
    }

    static String normalise(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int bodyStart = end < 0 ? text.length() : end + 4;
        String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n", -1);
        StringBuilder normal = new StringBuilder(visible(lines[0])).append('\n');
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = colon < 0 ? lines[i] : lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            if (!PROXY_MANAGED.contains(name)) {
                normal.append(name).append(": ").append(visible(colon < 0 ? "" : lines[i].substring(colon + 1).trim()))
                        .append('\n');
            }
        }
        String body = text.substring(bodyStart);
        return normal.append("body: ").append(visible(lowerTrailerNames(body))).toString();
    }

    /** The chunked body with its trailer field names lower case; any other body as it is. */
    private static String lowerTrailerNames(String body) {
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body;
            }
            String sizeText = body.substring(at, lineEnd).split(";", 2)[0].trim();
            long size;
            try {
                size = Long.parseLong(sizeText, 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (size > 0) {
                at = (int) Math.min(body.length(), lineEnd + 2 + size + 2);
                continue;
            }
            StringBuilder out = new StringBuilder(body.substring(0, lineEnd + 2));
            for (String line : body.substring(lineEnd + 2).split("\r\n", -1)) {
                int colon = line.indexOf(':');
                out.append(colon < 0 ? line : line.substring(0, colon).toLowerCase(Locale.ROOT) + line.substring(colon))
                        .append("\r\n");
            }
            return out.substring(0, out.length() - 2);
        }
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
