package dev.fulcrum.config.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Damages files the way a disk or an admin might, for the recovery tests. */
final class StoreFiles {

    private StoreFiles() {
    }

    static void flipLastByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);
    }
}
