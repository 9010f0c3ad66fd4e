package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Brings a revision directory back to a usable state on open, whatever a crash left behind. Runs
 * with the store lock held, so a {@code *.tmp} can only be the remains of a dead writer. Nothing
 * here throws for a damaged file: it is skipped and reported, and the store opens with what is
 * intact. Only failing to list the directory itself is an error.
 */
final class StoreRecovery {

    /**
     * @param index          the intact revisions by number
     * @param current        the current revision, 0 when none
     * @param pointerRepair  true when {@code current} must be rewritten to name {@code current}
     * @param highestNumber  the highest number any file names, intact or not: never handed out again
     * @param problems       what was found and done
     */
    record Result(NavigableMap<Long, RevisionHeader> index, long current, boolean pointerRepair,
            long highestNumber, List<StoreProblem> problems) {
    }

    private StoreRecovery() {
    }

    static Result recover(RevisionFiles files) throws IOException {
        List<StoreProblem> problems = new ArrayList<>();
        NavigableMap<Long, RevisionHeader> index = new TreeMap<>();
        long highest = 0;
        for (Path path : entries(files.directory())) {
            String name = path.getFileName().toString();
            OptionalLong number = RevisionLayout.parseFileName(name);
            if (RevisionLayout.isTemp(name)) {
                deleteTemp(path, problems);
            } else if (number.isPresent()) {
                highest = Math.max(highest, number.getAsLong());
                try {
                    index.put(number.getAsLong(), files.read(number.getAsLong()).header());
                } catch (IOException e) {
                    problems.add(new StoreProblem(StoreProblem.Kind.REVISION_IGNORED, path, describe(e)));
                }
            }
        }
        if (problems.stream().anyMatch(p -> p.kind() == StoreProblem.Kind.STALE_TEMP_FILE)) {
            files.syncDirectory();
        }
        Path pointerPath = files.pointerPath();
        String unusable;
        try {
            long named = RevisionLayout.parsePointer(Files.readAllBytes(pointerPath));
            highest = Math.max(highest, named);
            if (index.containsKey(named)) {
                return new Result(index, named, false, highest, problems);
            }
            unusable = "names revision " + named + ", which is missing or damaged";
        } catch (NoSuchFileException e) {
            // Nothing was ever activated (revisions may exist: appended, or a crash came between the
            // first revision and the first pointer). Not a problem: no revision is current.
            return new Result(index, 0, false, highest, problems);
        } catch (RevisionFormatException e) {
            unusable = "is damaged: " + e.getMessage();
        } catch (IOException e) {
            unusable = "is unreadable: " + describe(e);
        }
        if (index.isEmpty()) {
            problems.add(new StoreProblem(StoreProblem.Kind.POINTER_UNUSABLE, pointerPath,
                    "current pointer " + unusable + "; no intact revision to fall back to, nothing is current"));
            return new Result(index, 0, false, highest, problems);
        }
        long fallback = index.lastKey();
        problems.add(new StoreProblem(StoreProblem.Kind.POINTER_FALLBACK, pointerPath,
                "current pointer " + unusable + "; falling back to the newest intact revision " + fallback));
        return new Result(index, fallback, true, highest, problems);
    }

    private static List<Path> entries(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.sorted().toList();
        }
    }

    private static void deleteTemp(Path path, List<StoreProblem> problems) {
        try {
            Files.deleteIfExists(path);
            problems.add(new StoreProblem(StoreProblem.Kind.STALE_TEMP_FILE, path,
                    "deleted the remains of an interrupted write"));
        } catch (IOException e) {
            // Harmless if it stays: the next write of that name truncates it. Report, do not fail.
            problems.add(new StoreProblem(StoreProblem.Kind.STALE_TEMP_FILE, path,
                    "could not delete the remains of an interrupted write: " + describe(e)));
        }
    }

    private static String describe(IOException e) {
        return e instanceof CorruptRevisionException corrupt ? corrupt.reason()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
