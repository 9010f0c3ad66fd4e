package dev.fulcrum.config.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-JVM main for {@link StoreCrashTest}: opens the store, prints {@code started}, then applies
 * revisions as fast as it can, printing {@code ack <number> <seq> .} after each has returned, until
 * it is killed. Each line is flushed before the next write begins, so every acknowledged revision
 * reaches the parent even when the kill comes right after.
 *
 * <p>Arguments: revision directory, run id, history limit.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        int run = Integer.parseInt(args[1]);
        try (RevisionStore store = RevisionStore.open(Path.of(args[0]), Clock.systemUTC(), Integer.parseInt(args[2]))) {
            System.out.println("started");
            System.out.flush();
            for (int seq = 0; ; seq++) {
                CrashPayload.Identity identity = new CrashPayload.Identity(run, seq);
                RevisionHeader header = store.appendAndActivate(CrashPayload.of(identity), CrashPayload.comment(identity));
                System.out.println("ack " + header.number() + " " + seq + " .");
                System.out.flush();
            }
        }
    }
}
