package dev.fulcrum.os.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds a fake filesystem root (/proc, /sys, /lib/modules ...) in a test's temp directory. */
final class FakeTree {

    static final String RELEASE = "6.1.0-test-amd64";

    final Path root;

    FakeTree(Path root) {
        this.root = root;
    }

    FakeTree file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeTree directory(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeTree gzip(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeTree release() {
        return file("proc/sys/kernel/osrelease", RELEASE + "\n");
    }

    /** A /proc/self/status as fs/proc/array.c writes it, with the given ids and CapEff mask. */
    FakeTree status(int uid, String capEff) {
        return file("proc/self/status", String.join("\n",
                "Name:\tjava",
                "Umask:\t0022",
                "State:\tS (sleeping)",
                "Pid:\t4242",
                "Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid,
                "Gid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid,
                "CapInh:\t0000000000000000",
                "CapPrm:\t" + capEff,
                "CapEff:\t" + capEff,
                "CapBnd:\t000001ffffffffff",
                "CapAmb:\t0000000000000000",
                ""));
    }

    String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }
}
