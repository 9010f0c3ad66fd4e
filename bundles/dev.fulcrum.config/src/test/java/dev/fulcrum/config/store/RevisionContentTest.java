package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevisionContentTest {

    @Test
    void mediaTypeMustBeOneTypeSubtypeToken() {
        assertEquals("application/json", RevisionContent.json("{}").mediaType());
        new RevisionContent("text/x-haproxy+cfg", "");
        for (String bad : new String[] {"", "json", "application/json; charset=utf-8", "text/plain\ncomment x",
            "/json", "application/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RevisionContent(bad, "{}"), bad);
            assertTrue(e.getMessage().contains("type/subtype"), e.getMessage());
        }
    }

    @Test
    void headerRejectsLongCommentsAndNumbersBelowOne() {
        Instant at = Instant.EPOCH;
        String longest = "x".repeat(RevisionHeader.MAX_COMMENT_LENGTH);
        assertEquals(longest, new RevisionHeader(1, at, longest, "a/b", 0, "").comment());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RevisionHeader(1, at, longest + "x", "a/b", 0, ""));
        assertTrue(e.getMessage().contains("at most 500"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RevisionHeader(0, at, "", "a/b", 0, ""));
    }

    @Test
    void revisionRefusesAHeaderOfAnotherMediaType() {
        RevisionHeader header = new RevisionHeader(1, Instant.EPOCH, "", "text/plain", 2, "");
        assertThrows(IllegalArgumentException.class, () -> new Revision(header, RevisionContent.json("{}")));
    }
}
