package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;

/**
 * 4.2 "capture request header &lt;name&gt; len &lt;length&gt;" and "capture response header": the
 * header's value is kept, cut to {@code length} characters, for {@code %hr}/{@code %hs} and the
 * httplog line.
 *
 * @param name   the header field name, matched case-insensitively
 * @param length the most characters kept, from 1
 */
public record HeaderCapture(String name, int length) {

    public HeaderCapture {
        Checks.name("captured header name", name);
        Checks.range("capture length", length, 1, Integer.MAX_VALUE);
    }
}
