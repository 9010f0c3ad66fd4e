package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpReplyParserTest {

    private static SmtpReplyParser.Result parse(String wire) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        return SmtpReplyParser.parse(bytes, 0, bytes.length);
    }

    @Test
    void singleAndMultiLineReplies() {
        assertEquals(new SmtpReplyParser.Reply(220, "mail.example.com ESMTP", 28),
                parse("220 mail.example.com ESMTP\r\n"));
        assertEquals(new SmtpReplyParser.Reply(250, "mail.example.com PIPELINING 8BITMIME", 52),
                parse("250-mail.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\nnext"));
        assertEquals(new SmtpReplyParser.Reply(250, "", 5), parse("250\r\n"));
    }

    @Test
    void partialRepliesWait() {
        assertInstanceOf(SmtpReplyParser.Incomplete.class, parse("220 mail"));
        assertInstanceOf(SmtpReplyParser.Incomplete.class, parse("250-first\r\n250 sec"));
    }

    @Test
    void garbageIsMalformed() {
        assertEquals("not an SMTP reply: SSH-2.0-OpenSSH_9.2",
                assertInstanceOf(SmtpReplyParser.Malformed.class, parse("SSH-2.0-OpenSSH_9.2\r\n")).reason());
        assertEquals("reply line longer than 1024 bytes",
                assertInstanceOf(SmtpReplyParser.Malformed.class, parse("220 " + "x".repeat(2000))).reason());
    }
}
