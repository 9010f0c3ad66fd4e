package dev.fulcrum.proxy.differential;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A request as a backend received it, made comparable between two proxies: header names lower
 * case (HAProxy 2.x sends them so; RFC 9110 section 5.1 makes them case-insensitive), values
 * trimmed, and the headers a proxy manages itself removed ({@code connection}: each proxy chooses its
 * own server-side connection mode; {@code x-forwarded-for}: configuration.txt 4.2 "option forwardfor").
 * The request line and the body, chunk framing included, stay byte for byte, CR and LF made visible.
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
        return normal.append("body: ").append(visible(text.substring(bodyStart))).toString();
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
