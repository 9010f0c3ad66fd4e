package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RevisionLayoutTest {

    @Test
    void revisionFilesAreTenDigitsZeroPadded() {
        assertEquals("0000000001.rev", RevisionLayout.fileName(1));
        assertEquals("9999999999.rev", RevisionLayout.fileName(RevisionLayout.MAX_NUMBER));
        assertThrows(IllegalArgumentException.class, () -> RevisionLayout.fileName(0));
        assertThrows(IllegalArgumentException.class, () -> RevisionLayout.fileName(RevisionLayout.MAX_NUMBER + 1));
    }

    @Test
    void onlyExactRevisionNamesParse() {
        assertEquals(OptionalLong.of(42), RevisionLayout.parseFileName("0000000042.rev"));
        for (String other : new String[] {"42.rev", "0000000042.rev.tmp", "0000000000.rev", "current",
            "store.lock", "000000004x.rev", "00000000042.rev"}) {
            assertEquals(OptionalLong.empty(), RevisionLayout.parseFileName(other), other);
        }
    }

    @Test
    void tempNamesAreRecognised() {
        assertEquals("current.tmp", RevisionLayout.tempName(RevisionLayout.POINTER));
        assertTrue(RevisionLayout.isTemp(RevisionLayout.tempName(RevisionLayout.fileName(3))));
        assertFalse(RevisionLayout.isTemp(RevisionLayout.fileName(3)));
    }

    @Test
    void pointerRoundTripsAndRejectsAnythingElse() throws RevisionFormatException {
        assertArrayEquals("0000000042\n".getBytes(StandardCharsets.US_ASCII), RevisionLayout.pointerBytes(42));
        assertEquals(42, RevisionLayout.parsePointer(RevisionLayout.pointerBytes(42)));
        for (String bad : new String[] {"", "0000000042", "42\n", "0000000000\n", "0000000042\n\n", "000000004\u00002\n"}) {
            assertThrows(RevisionFormatException.class,
                    () -> RevisionLayout.parsePointer(bad.getBytes(StandardCharsets.ISO_8859_1)), bad);
        }
    }
}
