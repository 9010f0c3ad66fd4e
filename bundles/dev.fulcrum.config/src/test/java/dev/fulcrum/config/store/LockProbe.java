package dev.fulcrum.config.store;

import java.nio.file.Path;

/**
 * Child-JVM main for {@link StoreLockTest}: tries to lock a revision directory and prints
 * {@code acquired} or {@code locked: <message>}.
 */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            StoreLock.acquire(Path.of(args[0])).close();
            System.out.println("acquired");
        } catch (StoreLockedException e) {
            System.out.println("locked: " + e.getMessage());
        }
    }
}
