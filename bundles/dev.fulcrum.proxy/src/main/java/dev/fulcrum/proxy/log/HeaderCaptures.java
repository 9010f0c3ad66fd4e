package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.proxy.http.Headers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What configuration.txt 4.2 "capture request header" / "capture response header" keep of a
 * message: per capture, the value of the named field cut to its length, "" when the message has
 * none. With the field repeated, the last one is kept (measured with haproxy 2.6.12: "X-Dup: one"
 * then "X-Dup: two" logs "two").
 */
final class HeaderCaptures {

    private HeaderCaptures() {
    }

    static List<String> values(List<HeaderCapture> captures, Headers headers) {
        List<String> values = new ArrayList<>(captures.size());
        for (HeaderCapture capture : captures) {
            List<String> all = headers.all(capture.name());
            String value = all.isEmpty() ? "" : all.get(all.size() - 1);
            values.add(value.length() > capture.length() ? value.substring(0, capture.length()) : value);
        }
        return values;
    }

    /** Nothing captured yet: one "" per capture (an answer of the proxy itself captures nothing). */
    static List<String> none(List<HeaderCapture> captures) {
        return Collections.nCopies(captures.size(), "");
    }
}
