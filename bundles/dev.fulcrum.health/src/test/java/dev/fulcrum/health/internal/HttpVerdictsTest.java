package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.HttpCheckExpect.Match;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpVerdictsTest {

    private static final Duration T = Duration.ofMillis(3);

    private static HttpResponse response(int status, String reason, String body) {
        return new HttpResponse(status, reason, body.getBytes(StandardCharsets.US_ASCII));
    }

    private static CheckOutcome haproxy(HttpResponse response, HttpCheckExpect... expects) {
        return HttpVerdicts.haproxy(List.of(expects), response, T);
    }

    @Test
    void md5OfKnownText() {
        // RFC 1321 appendix A.5 test suite
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", HttpVerdicts.md5Hex(new byte[0]));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", HttpVerdicts.md5Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void keepalivedStatusCodesDefaultTo2xx() {
        Url url = new Url("/", Optional.empty(), List.of(), Optional.empty());
        assertEquals(CheckOutcome.withCode(CheckStatus.L7OK, 204, "", T),
                HttpVerdicts.keepalived(url, response(204, "No Content", ""), T));
        assertEquals(CheckOutcome.withCode(CheckStatus.L7STS, 301, "Moved Permanently", T),
                HttpVerdicts.keepalived(url, response(301, "Moved Permanently", ""), T));
    }

    @Test
    void keepalivedStatusRangesAndDigest() {
        Url url = new Url("/", Optional.of("900150983cd24fb0d6963f7d28e17f72"),
                List.of(new Url.StatusRange(200, 200), new Url.StatusRange(300, 399)), Optional.empty());
        assertEquals(CheckStatus.L7OK, HttpVerdicts.keepalived(url, response(302, "Found", "abc"), T).status());
        assertEquals(CheckStatus.L7STS, HttpVerdicts.keepalived(url, response(250, "x", "abc"), T).status());
        CheckOutcome wrongBody = HttpVerdicts.keepalived(url, response(200, "OK", "abd"), T);
        assertEquals(CheckStatus.L7RSP, wrongBody.status());
        assertEquals("MD5 digest mismatch: " + HttpVerdicts.md5Hex("abd".getBytes(StandardCharsets.US_ASCII)),
                wrongBody.info());
    }

    @Test
    void haproxyWithoutExpectAccepts2xxAnd3xx() {
        assertEquals(CheckOutcome.withCode(CheckStatus.L7OK, 302, "", T), haproxy(response(302, "Found", "")));
        assertEquals(CheckOutcome.withCode(CheckStatus.L7STS, 503, "Service Unavailable", T),
                haproxy(response(503, "Service Unavailable", "")));
    }

    @Test
    void haproxyStatusListsAndRegexes() {
        HttpCheckExpect list = new HttpCheckExpect(false, Match.STATUS, "200-299,304");
        assertEquals(CheckStatus.L7OK, haproxy(response(304, "Not Modified", ""), list).status());
        assertEquals(CheckOutcome.withCode(CheckStatus.L7STS, 404, "Not Found", T),
                haproxy(response(404, "Not Found", ""), list));
        HttpCheckExpect regex = new HttpCheckExpect(false, Match.RSTATUS, "^2");
        assertEquals(CheckStatus.L7STS, haproxy(response(404, "Not Found", ""), regex).status());
        HttpCheckExpect notServerError = new HttpCheckExpect(true, Match.RSTATUS, "^5");
        assertEquals(CheckStatus.L7OK, haproxy(response(404, "Not Found", ""), notServerError).status());
    }

    @Test
    void haproxyContentRulesUseItsInfoTexts() {
        HttpCheckExpect ok = new HttpCheckExpect(false, Match.STRING, "OK");
        assertEquals(CheckOutcome.of(CheckStatus.L7RSP, "HTTP content check did not match", T),
                haproxy(response(200, "OK", "nope"), ok));
        assertEquals(CheckOutcome.withCode(CheckStatus.L7OK, 200, "", T), haproxy(response(200, "OK", "all OK"), ok));
        HttpCheckExpect unwanted = new HttpCheckExpect(true, Match.RSTRING, "maint(enance)?");
        assertEquals(CheckOutcome.of(CheckStatus.L7RSP, "HTTP check matched unwanted content", T),
                haproxy(response(200, "OK", "in maintenance"), unwanted));
    }

    @Test
    void everyRuleMustHoldInOrder() {
        HttpCheckExpect status = new HttpCheckExpect(false, Match.STATUS, "200");
        HttpCheckExpect body = new HttpCheckExpect(false, Match.STRING, "ready");
        assertEquals(CheckStatus.L7STS, haproxy(response(500, "Internal Server Error", "ready"), status, body).status());
        assertEquals(CheckStatus.L7RSP, haproxy(response(200, "OK", "starting"), status, body).status());
        assertEquals(OptionalInt.of(200), haproxy(response(200, "OK", "ready"), status, body).code());
    }

    @Test
    void badRulesAreRejectedWithTheirText() {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
                () -> HttpVerdicts.validate(List.of(new HttpCheckExpect(false, Match.STATUS, "2xx"))));
        assertEquals("http-check expect status: '2xx' is not a status code or range (e.g. 200 or 200-399)",
                status.getMessage());
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> HttpVerdicts.validate(List.of(new HttpCheckExpect(false, Match.RSTRING, "("))));
        assertEquals("http-check expect rstring: bad regular expression '('", regex.getMessage());
    }
}
