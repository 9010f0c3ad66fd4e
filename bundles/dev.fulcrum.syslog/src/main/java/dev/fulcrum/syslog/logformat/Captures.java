package dev.fulcrum.syslog.logformat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code capture cookie} and {@code capture request/response header} recorded
 * (configuration.txt 4.2): {@code %CC %CS} and {@code %hr %hs}.
 *
 * @param requestCookie   "-" in the line when empty
 * @param responseCookie  "-" in the line when empty
 * @param requestHeaders  one value per configured capture, "" for a header the request lacked; an
 *                        empty list (no capture configured) leaves the field out of the line
 * @param responseHeaders likewise for the response
 */
public record Captures(Optional<String> requestCookie, Optional<String> responseCookie, List<String> requestHeaders,
        List<String> responseHeaders) {

    /** No capture configured. */
    public static final Captures NONE = new Captures(Optional.empty(), Optional.empty(), List.of(), List.of());

    public Captures {
        Objects.requireNonNull(requestCookie, "requestCookie");
        Objects.requireNonNull(responseCookie, "responseCookie");
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }
}
