package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges an HTTP response the way keepalived (url status_code/digest) or HAProxy (http-check
 * expect) does. Pure; the info texts are HAProxy 2.6's own, as it logs them.
 */
final class HttpVerdicts {

    static final String CONTENT_MISMATCH = "HTTP content check did not match";
    static final String UNWANTED_CONTENT = "HTTP check matched unwanted content";

    private HttpVerdicts() {
    }

    /**
     * keepalived.conf(5) {@code url}: the status must be in {@code status_code} (200-299 when none
     * is given) and, with {@code digest}, the MD5 of the body must equal it.
     */
    static CheckOutcome keepalived(Url url, HttpResponse response, Duration elapsed) {
        int status = response.status();
        List<Url.StatusRange> accepted = url.statusCodes().isEmpty()
                ? List.of(new Url.StatusRange(200, 299)) : url.statusCodes();
        if (accepted.stream().noneMatch(r -> r.from() <= status && status <= r.to())) {
            return CheckOutcome.withCode(CheckStatus.L7STS, status, response.reason(), elapsed);
        }
        if (url.digest().isPresent()) {
            String actual = md5Hex(response.body());
            if (!actual.equals(url.digest().get())) {
                return CheckOutcome.of(CheckStatus.L7RSP, "MD5 digest mismatch: " + actual, elapsed);
            }
        }
        return CheckOutcome.withCode(CheckStatus.L7OK, status, "", elapsed);
    }

    /**
     * configuration.txt 4.2 "http-check expect": every rule must hold, in order; without rules a
     * 2xx or 3xx status passes. A status rule fails with "Layer7 wrong status" and the reason
     * phrase, a content rule with "Layer7 invalid response".
     */
    static CheckOutcome haproxy(List<HttpCheckExpect> expects, HttpResponse response, Duration elapsed) {
        int status = response.status();
        if (expects.isEmpty()) {
            return status >= 200 && status < 400 ? passed(status, elapsed)
                    : CheckOutcome.withCode(CheckStatus.L7STS, status, response.reason(), elapsed);
        }
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        for (HttpCheckExpect expect : expects) {
            boolean matched = switch (expect.match()) {
                case STATUS -> statusListMatches(expect.pattern(), status);
                case RSTATUS -> Pattern.compile(expect.pattern()).matcher(Integer.toString(status)).find();
                case STRING -> body.contains(expect.pattern());
                case RSTRING -> Pattern.compile(expect.pattern()).matcher(body).find();
            };
            if (matched == expect.negated()) {
                boolean onStatus = expect.match() == HttpCheckExpect.Match.STATUS
                        || expect.match() == HttpCheckExpect.Match.RSTATUS;
                if (onStatus) {
                    return CheckOutcome.withCode(CheckStatus.L7STS, status, response.reason(), elapsed);
                }
                return CheckOutcome.of(CheckStatus.L7RSP, expect.negated() ? UNWANTED_CONTENT : CONTENT_MISMATCH,
                        elapsed);
            }
        }
        return passed(status, elapsed);
    }

    /** Rejects a rule HAProxy would refuse at start-up: bad codes or regular expressions. */
    static void validate(List<HttpCheckExpect> expects) {
        for (HttpCheckExpect expect : expects) {
            switch (expect.match()) {
                case STATUS -> statusListMatches(expect.pattern(), 200);
                case RSTATUS, RSTRING -> {
                    try {
                        Pattern.compile(expect.pattern());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("http-check expect " + expect.match().keyword()
                                + ": bad regular expression '" + expect.pattern() + "'", e);
                    }
                }
                case STRING -> { }
            }
        }
    }

    private static CheckOutcome passed(int status, Duration elapsed) {
        return CheckOutcome.withCode(CheckStatus.L7OK, status, "", elapsed);
    }

    /** HAProxy 2.2+ "expect status": a comma-separated list of codes and ranges, e.g. "200-299,304". */
    static boolean statusListMatches(String pattern, int status) {
        for (String item : pattern.split(",")) {
            String[] bounds = item.trim().split("-", 2);
            try {
                int from = Integer.parseInt(bounds[0].trim());
                int to = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : from;
                if (from <= status && status <= to) {
                    return true;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("http-check expect status: '" + item.trim()
                        + "' is not a status code or range (e.g. 200 or 200-399)", e);
            }
        }
        return false;
    }

    static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
