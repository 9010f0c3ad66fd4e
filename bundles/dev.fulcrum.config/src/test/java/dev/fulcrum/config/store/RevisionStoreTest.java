package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path state;

    private final TestClock clock = new TestClock(T0);

    private Path dir() {
        return RevisionStore.directoryIn(state);
    }

    private RevisionStore open() throws IOException {
        return RevisionStore.open(dir(), clock);
    }

    private static RevisionContent json(int i) {
        return RevisionContent.json("{\"revision\":" + i + "}");
    }

    private static List<Long> numbers(RevisionStore store) {
        return store.list().stream().map(RevisionHeader::number).toList();
    }

    private List<String> revisionFiles() throws IOException {
        try (Stream<Path> listing = Files.list(dir())) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rev")).sorted().toList();
        }
    }

    @Test
    void anEmptyDirectoryMeansNoRevisionYet() throws IOException {
        try (RevisionStore store = open()) {
            assertEquals(state.resolve("config/revisions").toAbsolutePath(), store.directory());
            assertTrue(Files.isDirectory(store.directory()));
            assertEquals(Optional.empty(), store.current());
            assertEquals(OptionalLong.empty(), store.currentNumber());
            assertEquals(List.of(), store.list());
            assertEquals(Optional.empty(), store.get(1));
            assertEquals(List.of(), store.recoveryProblems());
        }
    }

    @Test
    void numbersStartAtOneAndAppendAloneDoesNotActivate() throws IOException {
        try (RevisionStore store = open()) {
            assertEquals(1, store.append(json(1), "").number());
            assertEquals(OptionalLong.empty(), store.currentNumber());
            assertEquals(2, store.appendAndActivate(json(2), "").number());
            assertEquals(OptionalLong.of(2), store.currentNumber());
            assertEquals(3, store.append(json(3), "").number());
            assertEquals(json(2), store.current().orElseThrow().content());
            assertEquals(List.of(3L, 2L, 1L), numbers(store));
        }
    }

    @Test
    void headersCarryTheInjectedTimeTheCommentAndThePayloadDigest() throws IOException {
        try (RevisionStore store = open()) {
            store.append(json(1), "initial import from keepalived.conf");
            clock.advance(Duration.ofMinutes(5));
            RevisionHeader second = store.appendAndActivate(RevisionContent.json("{\"a\":\"é\"}"), "drain web1");
            RevisionHeader first = store.list().get(1);
            assertEquals(T0, first.created());
            assertEquals("initial import from keepalived.conf", first.comment());
            assertEquals(T0.plus(Duration.ofMinutes(5)), second.created());
            assertEquals("drain web1", second.comment());
            assertEquals("application/json", second.mediaType());
            byte[] payload = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
            assertEquals(payload.length, second.payloadBytes());
            assertEquals(RevisionCodec.sha256Hex(payload), second.payloadSha256());
            assertEquals(second, store.current().orElseThrow().header());
        }
    }

    @Test
    void revisionsAndTheCurrentOneSurviveReopeningAndNumbersAreNeverReused() throws IOException {
        try (RevisionStore store = open()) {
            store.appendAndActivate(json(1), "one");
            store.appendAndActivate(json(2), "two");
            store.append(json(3), "three, not activated");
        }
        try (RevisionStore store = open()) {
            assertEquals(List.of(), store.recoveryProblems());
            assertEquals(OptionalLong.of(2), store.currentNumber());
            Revision three = store.get(3).orElseThrow();
            assertEquals(json(3), three.content());
            assertEquals("three, not activated", three.header().comment());
            assertEquals(4, store.append(json(4), "").number());
        }
        assertEquals("0000000002\n", Files.readString(dir().resolve("current")));
        assertEquals(List.of("0000000001.rev", "0000000002.rev", "0000000003.rev", "0000000004.rev"), revisionFiles());
    }

    @Test
    void activateRollsBackAndForwardAndKeepsTheHistory() throws IOException, NoSuchRevisionException {
        try (RevisionStore store = open()) {
            for (int i = 1; i <= 3; i++) {
                store.appendAndActivate(json(i), "r" + i);
            }
            assertEquals(1, store.activate(1).number());
            assertEquals(json(1), store.current().orElseThrow().content());
            assertEquals(List.of(3L, 2L, 1L), numbers(store));
            assertEquals("0000000001\n", Files.readString(dir().resolve("current")));
            store.activate(3);
            assertEquals(OptionalLong.of(3), store.currentNumber());
            store.activate(1);
        }
        try (RevisionStore store = open()) {
            assertEquals(OptionalLong.of(1), store.currentNumber());
            assertEquals(4, store.appendAndActivate(json(4), "after rollback").number());
        }
    }

    @Test
    void activatingAnUnknownRevisionIsATypedErrorAndChangesNothing() throws IOException {
        try (RevisionStore store = open()) {
            NoSuchRevisionException none = assertThrows(NoSuchRevisionException.class, () -> store.activate(1));
            assertEquals("revision 1 does not exist; the store holds no revisions", none.getMessage());
            store.appendAndActivate(json(1), "");
            store.appendAndActivate(json(2), "");
            NoSuchRevisionException missing = assertThrows(NoSuchRevisionException.class, () -> store.activate(9));
            assertEquals(9, missing.number());
            assertEquals("revision 9 does not exist; the store holds 2 revisions, 1..2", missing.getMessage());
            assertEquals(OptionalLong.of(2), store.currentNumber());
        }
    }

    @Test
    void historyKeepsTheNewestAndDeletesOlderFiles() throws IOException {
        try (RevisionStore store = RevisionStore.open(dir(), clock, 3)) {
            for (int i = 1; i <= 6; i++) {
                store.appendAndActivate(json(i), "");
            }
            assertEquals(List.of(6L, 5L, 4L), numbers(store));
            assertEquals(Optional.empty(), store.get(3));
            assertEquals(List.of(), store.pruneProblems());
        }
        assertEquals(List.of("0000000004.rev", "0000000005.rev", "0000000006.rev"), revisionFiles());
    }

    @Test
    void historyKeepsTheCurrentRevisionEvenWhenOlderThanTheWindow() throws IOException, NoSuchRevisionException {
        try (RevisionStore store = RevisionStore.open(dir(), clock, 3)) {
            for (int i = 1; i <= 3; i++) {
                store.appendAndActivate(json(i), "");
            }
            store.activate(1);
            for (int i = 4; i <= 6; i++) {
                store.append(json(i), "");
            }
            assertEquals(List.of(6L, 5L, 4L, 1L), numbers(store));
            assertEquals(json(1), store.current().orElseThrow().content());
            assertEquals(List.of("0000000001.rev", "0000000004.rev", "0000000005.rev", "0000000006.rev"),
                    revisionFiles());
            store.activate(5);
            assertEquals(List.of(6L, 5L, 4L), numbers(store));
        }
        assertEquals(List.of("0000000004.rev", "0000000005.rev", "0000000006.rev"), revisionFiles());
    }

    @Test
    void theDefaultHistoryIsFifty() throws IOException {
        try (RevisionStore store = open()) {
            for (int i = 1; i <= 52; i++) {
                store.appendAndActivate(json(i), "");
            }
            assertEquals(50, store.list().size());
            assertEquals(3, store.list().get(49).number());
        }
    }

    @Test
    void aRefusedCommentWritesNothing() throws IOException {
        try (RevisionStore store = open()) {
            String tooLong = "x".repeat(RevisionHeader.MAX_COMMENT_LENGTH + 1);
            assertThrows(IllegalArgumentException.class, () -> store.appendAndActivate(json(1), tooLong));
            assertEquals(List.of(), store.list());
            assertEquals(List.of(), revisionFiles());
            assertEquals(1, store.appendAndActivate(json(1), "ok").number());
        }
    }

    @Test
    void aFileDamagedAfterOpenIsNeverHandedOutOrActivated() throws IOException {
        try (RevisionStore store = open()) {
            store.appendAndActivate(json(1), "");
            store.appendAndActivate(json(2), "");
            Path first = dir().resolve("0000000001.rev");
            StoreFiles.flipLastByte(first);
            CorruptRevisionException corrupt = assertThrows(CorruptRevisionException.class, () -> store.activate(1));
            assertEquals(first, corrupt.path());
            assertTrue(corrupt.getMessage().startsWith(first + ": corrupt revision file: payload SHA-256"),
                    corrupt.getMessage());
            assertEquals(OptionalLong.of(2), store.currentNumber());
            assertThrows(CorruptRevisionException.class, () -> store.get(1));
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedUntilTheFirstCloses() throws IOException {
        RevisionStore first = open();
        StoreLockedException refused = assertThrows(StoreLockedException.class, this::open);
        assertTrue(refused.getMessage().contains(dir().toAbsolutePath().toString()), refused.getMessage());
        first.close();
        first.close();
        try (RevisionStore second = open()) {
            assertEquals(1, second.appendAndActivate(json(1), "").number());
        }
    }

    @Test
    void aClosedStoreRefusesUse() throws IOException {
        RevisionStore store = open();
        store.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> store.append(json(1), ""));
        assertTrue(closed.getMessage().endsWith("is closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, store::list);
        assertFalse(Files.exists(dir().resolve("0000000001.rev")));
    }

    @Test
    void aHistoryLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RevisionStore.open(dir(), clock, 0));
    }
}
