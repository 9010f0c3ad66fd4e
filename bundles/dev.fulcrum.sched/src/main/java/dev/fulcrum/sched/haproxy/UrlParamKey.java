package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * configuration.txt 4.2 "balance url_param NAME [check_post]": the value of the first {@code NAME=value}
 * in the query string (parameters separated by '&', the name compared exactly, the value as written). With
 * "check_post", a POST request whose query lacks it is searched in the start of its body, read as
 * {@code application/x-www-form-urlencoded} up to the first white space or control character ("Scanning
 * normally terminates when linear white space or control characters are found"). A missing or empty
 * value gives no key: round robin.
 */
final class UrlParamKey implements RequestKey {

    private final String name;
    private final boolean checkPost;

    UrlParamKey(String name, boolean checkPost) {
        this.name = name;
        this.checkPost = checkPost;
    }

    @Override
    public OptionalLong hash(RequestContext request) {
        return RequestKey.hashOf(value(request));
    }

    Optional<String> value(RequestContext request) {
        Optional<String> fromQuery = request.query().flatMap(this::find);
        if (fromQuery.isPresent() || !checkPost || !request.method().map("POST"::equals).orElse(false)) {
            return fromQuery;
        }
        return request.payloadPrefix().map(UrlParamKey::formText).flatMap(this::find);
    }

    /** The value of the parameter in {@code a=1&b=2}, if present and not empty. */
    Optional<String> find(String parameters) {
        int at = 0;
        while (at <= parameters.length()) {
            int end = parameters.indexOf('&', at);
            if (end < 0) {
                end = parameters.length();
            }
            if (parameters.startsWith(name, at) && at + name.length() < end
                    && parameters.charAt(at + name.length()) == '=') {
                String value = parameters.substring(at + name.length() + 1, end);
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
            at = end + 1;
        }
        return Optional.empty();
    }

    /** The body's bytes up to the first white space or control character, as ASCII; the buffer is not moved. */
    private static String formText(ByteBuffer body) {
        StringBuilder text = new StringBuilder();
        for (int i = body.position(); i < body.limit(); i++) {
            int b = body.get(i) & 0xff;
            if (b <= ' ' || b == 0x7f) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }
}
