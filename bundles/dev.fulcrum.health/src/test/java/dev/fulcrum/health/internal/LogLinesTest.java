package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.HaproxyLogLines;
import dev.fulcrum.health.HaproxyLogLines.Backend;
import dev.fulcrum.health.KeepalivedLogLines;
import dev.fulcrum.health.KeepalivedLogLines.Checker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The log lines, against lines HAProxy 2.6.12 (Debian 12) printed for the same events. */
class LogLinesTest {

    private static final Backend NO_SESSIONS_2_0 = new Backend(2, 0, 0, 0, 0);

    @Test
    void haproxyLayer4Timeout() {
        CheckOutcome timeout = CheckOutcome.of(CheckStatus.L4TOUT, "", Duration.ofMillis(2001));
        assertEquals("Server app/app1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 2 active and 0 backup"
                + " servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
                HaproxyLogLines.serverDown("app", "app1", false, timeout, NO_SESSIONS_2_0));
    }

    @Test
    void haproxyConnectionRefusedRunningOnBackup() {
        CheckOutcome refused = CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO);
        assertEquals("Server app/app2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check"
                + " duration: 0ms. 0 active and 1 backup servers left. Running on backup. 0 sessions active, 0"
                + " requeued, 0 remaining in queue.",
                HaproxyLogLines.serverDown("app", "app2", false, refused, new Backend(0, 1, 0, 0, 0)));
        assertEquals("Backup Server app/app3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\","
                + " check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0"
                + " remaining in queue.",
                HaproxyLogLines.serverDown("app", "app3", true, refused, new Backend(0, 0, 0, 0, 0)));
        assertEquals("backend app has no server available!", HaproxyLogLines.noServerAvailable("app"));
    }

    @Test
    void haproxyUpAndWrongStatus() {
        CheckOutcome passed = CheckOutcome.withCode(CheckStatus.L7OK, 200, "", Duration.ofMillis(1));
        assertEquals("Server app/app1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 3 active and"
                + " 0 backup servers online. 0 sessions requeued, 0 total in queue.",
                HaproxyLogLines.serverUp("app", "app1", false, passed, new Backend(3, 0, 0, 0, 0)));
        CheckOutcome wrong = CheckOutcome.withCode(CheckStatus.L7STS, 503, "Service Unavailable", Duration.ofMillis(21));
        assertEquals("reason: Layer7 wrong status, code: 503, info: \"Service Unavailable\", check duration: 21ms",
                HaproxyLogLines.reason(wrong));
        CheckOutcome content = CheckOutcome.of(CheckStatus.L7RSP, HttpVerdicts.CONTENT_MISMATCH, Duration.ofMillis(1));
        assertEquals("reason: Layer7 invalid response, info: \"HTTP content check did not match\", check duration: 1ms",
                HaproxyLogLines.reason(content));
    }

    @Test
    void keepalivedLines() {
        String rs = KeepalivedLogLines.endpoint(new InetSocketAddress("10.0.0.2", 80));
        assertEquals("[10.0.0.2]:tcp:80", rs);
        assertEquals("TCP connection to [10.0.0.2]:tcp:80 success.", KeepalivedLogLines.checkResult(Checker.TCP_CHECK,
                rs, CheckOutcome.of(CheckStatus.L4OK, "", Duration.ZERO)));
        assertEquals("TCP connection to [10.0.0.2]:tcp:80 failed.", KeepalivedLogLines.checkResult(Checker.TCP_CHECK,
                rs, CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO)));
        assertEquals("HTTP status code error to [10.0.0.2]:tcp:80, status_code [503].", KeepalivedLogLines.checkResult(
                Checker.HTTP_GET, rs, CheckOutcome.withCode(CheckStatus.L7STS, 503, "x", Duration.ZERO)));
        assertEquals("MD5 digest error to [10.0.0.2]:tcp:80, MD5SUM [0123456789abcdef0123456789abcdef].",
                KeepalivedLogLines.checkResult(Checker.SSL_GET, rs, CheckOutcome.of(CheckStatus.L7RSP,
                        "MD5 digest mismatch: 0123456789abcdef0123456789abcdef", Duration.ZERO)));
        assertEquals("Misc check for [10.0.0.2]:tcp:80 failed with exit status 1.", KeepalivedLogLines.checkResult(
                Checker.MISC_CHECK, rs, new CheckOutcome(CheckStatus.PROCERR, OptionalInt.of(1), "", Duration.ZERO,
                        OptionalInt.empty())));
        assertEquals("DNS_CHECK of [10.0.0.2]:tcp:80 failed: reason: Layer7 invalid response, info: \"RCODE 5\","
                + " check duration: 3ms.", KeepalivedLogLines.checkResult(Checker.DNS_CHECK, rs,
                        CheckOutcome.of(CheckStatus.L7RSP, "RCODE 5", Duration.ofMillis(3))));
        assertEquals("Removing service [10.0.0.2]:tcp:80 from VS [10.0.0.1]:tcp:80",
                KeepalivedLogLines.service(false, false, rs, "[10.0.0.1]:tcp:80"));
        assertEquals("Adding service [10.0.0.2]:tcp:80 to VS [10.0.0.1]:tcp:80",
                KeepalivedLogLines.service(true, false, rs, "[10.0.0.1]:tcp:80"));
        assertEquals("Disabling service [10.0.0.2]:udp:53 of VS [10.0.0.1]:udp:53", KeepalivedLogLines.service(false,
                true, KeepalivedLogLines.endpoint(new InetSocketAddress("10.0.0.2", 53), "udp"), "[10.0.0.1]:udp:53"));
        assertEquals("Enabling service [10.0.0.2]:tcp:80 of VS [10.0.0.1]:tcp:80",
                KeepalivedLogLines.service(true, true, rs, "[10.0.0.1]:tcp:80"));
        assertEquals("Changing weight from 1 to 5 for active service [10.0.0.2]:tcp:80 of VS [10.0.0.1]:tcp:80",
                KeepalivedLogLines.weightChange(1, 5, true, rs, "[10.0.0.1]:tcp:80"));
        assertEquals("Changing weight from 5 to 10 for inactive service [10.0.0.2]:tcp:80 of VS [10.0.0.1]:tcp:80",
                KeepalivedLogLines.weightChange(5, 10, false, rs, "[10.0.0.1]:tcp:80"));
    }
}
