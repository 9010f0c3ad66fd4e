package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.config.store.StoreProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link RevisionStore#open} makes of a directory a crash, a disk or an admin left behind. */
class StoreRecoveryTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    private RevisionStore open() throws IOException {
        return RevisionStore.open(dir, clock);
    }

    /** Writes revisions 1..count, activating each, then activates {@code current}. */
    private void populate(int count, long current) throws IOException, NoSuchRevisionException {
        try (RevisionStore store = open()) {
            for (int i = 1; i <= count; i++) {
                store.appendAndActivate(RevisionContent.json("{\"n\":" + i + "}"), "r" + i);
            }
            store.activate(current);
        }
    }

    private static List<Long> numbers(RevisionStore store) {
        return store.list().stream().map(RevisionHeader::number).toList();
    }

    @Test
    void staleTempFilesAreDeletedAndReported() throws Exception {
        populate(2, 2);
        Files.writeString(dir.resolve("0000000003.rev.tmp"), "fulcrum-revision 1\nnumber 3\ncrea");
        Files.writeString(dir.resolve("current.tmp"), "00000000");
        try (RevisionStore store = open()) {
            assertEquals(List.of(
                    new StoreProblem(Kind.STALE_TEMP_FILE, dir.resolve("0000000003.rev.tmp"),
                            "deleted the remains of an interrupted write"),
                    new StoreProblem(Kind.STALE_TEMP_FILE, dir.resolve("current.tmp"),
                            "deleted the remains of an interrupted write")), store.recoveryProblems());
            assertFalse(Files.exists(dir.resolve("0000000003.rev.tmp")));
            assertFalse(Files.exists(dir.resolve("current.tmp")));
            assertEquals(OptionalLong.of(2), store.currentNumber());
            assertEquals(3, store.append(RevisionContent.json("{}"), "").number());
        }
    }

    @Test
    void aCorruptRevisionIsIgnoredReportedKeptOnDiskAndItsNumberNotReused() throws Exception {
        populate(3, 2);
        Path third = dir.resolve("0000000003.rev");
        StoreFiles.flipLastByte(third);
        try (RevisionStore store = open()) {
            StoreProblem problem = store.recoveryProblems().get(0);
            assertEquals(1, store.recoveryProblems().size());
            assertEquals(Kind.REVISION_IGNORED, problem.kind());
            assertEquals(third, problem.path());
            assertEquals("payload SHA-256 mismatch (payload damaged)", problem.message());
            assertEquals(third + ": REVISION_IGNORED: payload SHA-256 mismatch (payload damaged)", problem.format());
            assertEquals(List.of(2L, 1L), numbers(store));
            assertEquals(OptionalLong.of(2), store.currentNumber());
            assertEquals(4, store.append(RevisionContent.json("{}"), "").number());
        }
        assertTrue(Files.exists(third));
    }

    @Test
    void aRevisionFileUnderAnotherNumbersNameIsIgnored() throws Exception {
        populate(1, 1);
        Files.copy(dir.resolve("0000000001.rev"), dir.resolve("0000000005.rev"));
        try (RevisionStore store = open()) {
            assertEquals(List.of(new StoreProblem(Kind.REVISION_IGNORED, dir.resolve("0000000005.rev"),
                    "holds revision 1")), store.recoveryProblems());
            assertEquals(List.of(1L), numbers(store));
            assertEquals(6, store.append(RevisionContent.json("{}"), "").number());
        }
    }

    @Test
    void aPointerToAMissingRevisionFallsBackToTheNewestIntactOneAndIsRepaired() throws Exception {
        populate(3, 3);
        Files.delete(dir.resolve("0000000003.rev"));
        try (RevisionStore store = open()) {
            assertEquals(List.of(new StoreProblem(Kind.POINTER_FALLBACK, dir.resolve("current"),
                    "current pointer names revision 3, which is missing or damaged; "
                            + "falling back to the newest intact revision 2")), store.recoveryProblems());
            assertEquals("{\"n\":2}", store.current().orElseThrow().content().text());
            assertEquals(4, store.append(RevisionContent.json("{}"), "").number());
        }
        assertEquals("0000000002\n", Files.readString(dir.resolve("current")));
        try (RevisionStore store = open()) {
            assertEquals(List.of(), store.recoveryProblems());
            assertEquals(OptionalLong.of(2), store.currentNumber());
        }
    }

    @Test
    void aPointerToACorruptRevisionFallsBackToTheNewestIntactOne() throws Exception {
        populate(3, 1);
        StoreFiles.flipLastByte(dir.resolve("0000000001.rev"));
        try (RevisionStore store = open()) {
            assertEquals(List.of(Kind.REVISION_IGNORED, Kind.POINTER_FALLBACK),
                    store.recoveryProblems().stream().map(StoreProblem::kind).toList());
            assertEquals(OptionalLong.of(3), store.currentNumber());
        }
    }

    @Test
    void aDamagedPointerFallsBackToTheNewestIntactRevision() throws Exception {
        populate(2, 1);
        Files.writeString(dir.resolve("current"), "0000000\u0000001\n");
        try (RevisionStore store = open()) {
            StoreProblem problem = store.recoveryProblems().get(0);
            assertEquals(Kind.POINTER_FALLBACK, problem.kind());
            assertTrue(problem.message().startsWith("current pointer is damaged: pointer is not a ten-digit"),
                    problem.message());
            assertEquals(OptionalLong.of(2), store.currentNumber());
        }
    }

    @Test
    void aPointerWithNoIntactRevisionLeavesNothingCurrentAndItsNumberUnused() throws Exception {
        Files.writeString(dir.resolve("current"), "0000000004\n");
        try (RevisionStore store = open()) {
            assertEquals(List.of(new StoreProblem(Kind.POINTER_UNUSABLE, dir.resolve("current"),
                    "current pointer names revision 4, which is missing or damaged; no intact revision to fall "
                            + "back to, nothing is current")), store.recoveryProblems());
            assertEquals(OptionalLong.empty(), store.currentNumber());
            assertEquals(5, store.appendAndActivate(RevisionContent.json("{}"), "").number());
        }
    }

    @Test
    void revisionsWithoutAPointerAreHistoryWithNothingCurrent() throws Exception {
        try (RevisionStore store = open()) {
            store.append(RevisionContent.json("{}"), "validated, not applied");
        }
        try (RevisionStore store = open()) {
            assertEquals(List.of(), store.recoveryProblems());
            assertEquals(OptionalLong.empty(), store.currentNumber());
            assertEquals(List.of(1L), numbers(store));
        }
    }

    @Test
    void locksAndUnknownFilesAreNotProblems() throws Exception {
        populate(1, 1);
        Files.writeString(dir.resolve("README"), "hands off");
        Files.createDirectory(dir.resolve("0000000009.rev.d"));
        try (RevisionStore store = open()) {
            assertEquals(List.of(), store.recoveryProblems());
            assertEquals(2, store.append(RevisionContent.json("{}"), "").number());
        }
        assertTrue(Files.exists(dir.resolve("README")));
    }

    @Test
    void anUnreadableRevisionIsIgnoredNotFatal() throws Exception {
        populate(2, 2);
        Path first = dir.resolve("0000000001.rev");
        Files.delete(first);
        Files.createDirectory(first);
        try (RevisionStore store = open()) {
            StoreProblem problem = store.recoveryProblems().get(0);
            assertEquals(Kind.REVISION_IGNORED, problem.kind());
            assertEquals(first, problem.path());
            assertTrue(problem.message().startsWith("IOException: "), problem.message());
            assertEquals(List.of(2L), numbers(store));
        }
    }
}
