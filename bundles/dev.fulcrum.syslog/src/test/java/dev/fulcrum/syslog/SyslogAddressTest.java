package dev.fulcrum.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyslogAddressTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1, 514",
        "127.0.0.1:1514, 127.0.0.1, 1514",
        "[::1]:515, ::1, 515",
        "[fe80::1], fe80::1, 514",
        "udp@logs.example:10514, logs.example, 10514",
        "udp4@10.0.0.1, 10.0.0.1, 514",
        "udp6@[2001:db8::5]:600, 2001:db8::5, 600",
        "ipv4@192.0.2.1:65535, 192.0.2.1, 65535",
        "loghost, loghost, 514"})
    void udpForms(String text, String host, int port) {
        assertEquals(new SyslogAddress.Udp(host, port), SyslogAddress.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"/dev/log, /dev/log", "unix@/run/rsyslog.sock, /run/rsyslog.sock"})
    void unixForms(String text, String path) {
        assertEquals(new SyslogAddress.Unix(path), SyslogAddress.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:0|not in 1..65535",
        "127.0.0.1:65536|not in 1..65535",
        "127.0.0.1:x|is not a number",
        "127.0.0.1:|is not a number",
        "::1|in brackets",
        "[::1|missing ']'",
        "[::1]x|expected ':port'",
        ":514|empty host",
        "stdout|only unix datagram paths and UDP targets",
        "tcp@10.0.0.1:514|only unix datagram paths and UDP targets",
        "fd@3|only unix datagram paths and UDP targets"})
    void rejectsWithReason(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyslogAddress.parse(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {108, 200})
    void unixPathLongerThanSunPathIsRejected(int length) {
        String path = "/" + "a".repeat(length - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyslogAddress.parse(path));
        assertTrue(e.getMessage().contains("the limit is 107"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void unixPathOf107BytesFits() {
        String path = "/" + "a".repeat(106);
        assertEquals(new SyslogAddress.Unix(path), SyslogAddress.parse(path));
    }
}
