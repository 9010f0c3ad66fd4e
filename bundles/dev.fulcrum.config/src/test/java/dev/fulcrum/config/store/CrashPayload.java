package dev.fulcrum.config.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognisable payloads for the crash test: the first line names the writer's run and sequence
 * number, the rest is derived from them, so a reader can regenerate the exact text it must find.
 * Sizes vary from about half a kilobyte to about 60 KB so writes span many pages.
 */
final class CrashPayload {

    /** Which write of which child run a payload came from. */
    record Identity(int run, int seq) {
    }

    private static final Pattern FIRST_LINE = Pattern.compile("crash-test run=([0-9]+) seq=([0-9]+)\n.*", Pattern.DOTALL);

    private CrashPayload() {
    }

    static RevisionContent of(Identity identity) {
        StringBuilder text = new StringBuilder("crash-test run=" + identity.run() + " seq=" + identity.seq() + "\n");
        int lines = 20 + Math.floorMod(identity.run() * 31 + identity.seq() * 977, 2000);
        for (int i = 0; i < lines; i++) {
            text.append("line ").append(i).append(" of run ").append(identity.run())
                    .append(" seq ").append(identity.seq()).append('\n');
        }
        return new RevisionContent("text/x-crash-test", text.toString());
    }

    static String comment(Identity identity) {
        return "run " + identity.run() + " seq " + identity.seq();
    }

    /** The identity of a revision that is exactly as {@link CrashWriter} wrote it, or empty. */
    static Optional<Identity> identify(Revision revision) {
        Matcher m = FIRST_LINE.matcher(revision.content().text());
        if (!m.matches()) {
            return Optional.empty();
        }
        Identity identity = new Identity(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        boolean exact = of(identity).equals(revision.content())
                && comment(identity).equals(revision.header().comment());
        return exact ? Optional.of(identity) : Optional.empty();
    }
}
