package dev.fulcrum.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated configurations are valid (a smaller copy of the same shapes). */
class BigConfigsTest {

    private final ConfigCheck check = new ConfigCheck(Map.of(), Set.of("bench"));

    @Test
    void generatedKeepalivedIsValidAndHasEveryRealServer(@TempDir Path dir) throws IOException {
        String text = BigConfigs.keepalived(30, 4);
        assertEquals(30, text.lines().filter(l -> l.startsWith("virtual_server ")).count());
        assertEquals(120, text.lines().filter(l -> l.strip().startsWith("TCP_CHECK")).count());
        ConfigCheck.Report report = check.run(List.of(Files.writeString(dir.resolve("k"), text).toString()));
        assertEquals(0, report.exitCode(), report::toString);
    }

    @Test
    void generatedHaproxyIsValidAndHasEveryServer(@TempDir Path dir) throws IOException {
        String text = BigConfigs.haproxy(25, 3);
        assertEquals(25, text.lines().filter(l -> l.startsWith("backend ")).count());
        assertEquals(3, text.lines().filter(l -> l.startsWith("frontend ")).count());
        assertEquals(75, text.lines().filter(l -> l.strip().startsWith("server ")).count());
        ConfigCheck.Report report = check.run(List.of(Files.writeString(dir.resolve("h"), text).toString()));
        assertEquals(0, report.exitCode(), report::toString);
    }
}
