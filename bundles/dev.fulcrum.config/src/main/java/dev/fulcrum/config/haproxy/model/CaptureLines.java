package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.config.haproxy.IntegerValue;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * configuration.txt 4.2 "capture request header &lt;name&gt; len &lt;length&gt;" and "capture response
 * header &lt;name&gt; len &lt;length&gt;" (frontend and listen sections). "capture cookie" is not supported.
 */
final class CaptureLines {

    private static final String FORM = "'request header NAME len LENGTH' or 'response header NAME len LENGTH'";

    private CaptureLines() {
    }

    /** Adds the line's capture to {@code settings}; reports what is wrong instead. */
    static void apply(Line line, String context, ProxySettings settings, ProblemCollector problems) {
        Optional<Token> direction = Words.require(line, 0, "capture", FORM, problems);
        if (direction.isEmpty()) {
            return;
        }
        String which = direction.get().text();
        if (which.equals("cookie")) {
            problems.unsupported(direction.get().location(), "capture cookie", context);
            return;
        }
        if (!which.equals("request") && !which.equals("response")) {
            problems.error(direction.get().location(), which, "unknown capture: expected " + FORM);
            return;
        }
        String keyword = "capture " + which + " header";
        Optional<Token> header = Words.require(line, 1, "capture " + which, "'header'", problems);
        if (header.isEmpty()) {
            return;
        }
        if (!header.get().text().equals("header")) {
            problems.error(header.get().location(), header.get().text(), "unknown capture: expected " + FORM);
            return;
        }
        Optional<Token> name = Words.require(line, 2, keyword, "a header name", problems);
        Optional<Token> len = name.flatMap(n -> Words.require(line, 3, keyword, "'len LENGTH' after the name", problems));
        if (len.isEmpty()) {
            return;
        }
        if (!len.get().text().equals("len")) {
            problems.error(len.get().location(), len.get().text(), "expected 'len LENGTH' after the header name");
            return;
        }
        Optional<Token> value = Words.require(line, 4, keyword, "a length from 1 (characters kept)", problems);
        if (value.isEmpty() || !Words.noMore(line, 5, keyword, problems)) {
            return;
        }
        if (name.get().text().isBlank()) {
            problems.error(name.get().location(), name.get().text(), "empty header name: expected a header field name");
            return;
        }
        OptionalInt length = IntegerValue.parse(value.get(), 1, Integer.MAX_VALUE, problems);
        if (length.isPresent()) {
            HeaderCapture capture = new HeaderCapture(name.get().text(), length.getAsInt());
            (which.equals("request") ? settings.requestCaptures : settings.responseCaptures).add(capture);
        }
    }
}
