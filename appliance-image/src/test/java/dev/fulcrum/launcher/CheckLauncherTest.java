package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckLauncherTest {

    @Test
    void findsTheBundleJarByNameAndNotAPrefixSibling(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("dev.fulcrum.config-0.1.0-SNAPSHOT.jar"));
        Files.createFile(dir.resolve("dev.fulcrum.configx-0.1.0.jar"));
        Files.createFile(dir.resolve("dev.fulcrum.api-0.1.0.jar"));
        assertEquals(dir.resolve("dev.fulcrum.config-0.1.0-SNAPSHOT.jar"), CheckLauncher.find(dir, "dev.fulcrum.config"));
        assertEquals(dir.resolve("dev.fulcrum.api-0.1.0.jar"), CheckLauncher.find(dir, "dev.fulcrum.api"));
        assertNull(CheckLauncher.find(dir, "dev.fulcrum.os"));
        assertNull(CheckLauncher.find(dir.resolve("missing"), "dev.fulcrum.api"));
    }

    @Test
    void anImageWithoutTheConfigBundleIsExitTwo(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("dev.fulcrum.api-0.1.0.jar"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CheckLauncher.run(dir, new String[] {"-f", "x"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("fulcrum check: dev.fulcrum.config-*.jar not found in " + dir + "\n", err.toString(StandardCharsets.UTF_8));
    }
}
