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
        // the query's value is hashed in place: no String per request on the common path
        String query = request.query().orElse("");
        long span = valueSpan(query);
        return span == Span.NONE ? RequestKey.hashOf(fromBody(request))
                : OptionalLong.of(Hashing.of(query, Span.from(span), Span.to(span)));
    }

    Optional<String> value(RequestContext request) {
        Optional<String> fromQuery = request.query().flatMap(this::find);
        return fromQuery.isPresent() ? fromQuery : fromBody(request);
    }

    /** With "check_post", the value in the start of a POST request's body. */
    private Optional<String> fromBody(RequestContext request) {
        if (!checkPost || !request.method().map("POST"::equals).orElse(false)) {
            return Optional.empty();
        }
        return request.payloadPrefix().map(UrlParamKey::formText).flatMap(this::find);
    }

    /** The value of the parameter in {@code a=1&b=2}, if present and not empty. */
    Optional<String> find(String parameters) {
        long span = valueSpan(parameters);
        return span == Span.NONE ? Optional.empty()
                : Optional.of(parameters.substring(Span.from(span), Span.to(span)));
    }

    /** Where the parameter's value lies in {@code a=1&b=2}, or {@link Span#NONE} if absent or empty. */
    private long valueSpan(String parameters) {
        int at = 0;
        while (at <= parameters.length()) {
            int end = parameters.indexOf('&', at);
            if (end < 0) {
                end = parameters.length();
            }
            int equals = at + name.length();
            if (parameters.startsWith(name, at) && equals < end && parameters.charAt(equals) == '=') {
                return equals + 1 == end ? Span.NONE : Span.of(equals + 1, end);
            }
            at = end + 1;
        }
        return Span.NONE;
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
