package dev.fulcrum.config.keepalived.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Damaged variants of the valid corpus never make the mapper throw (a record constructor's
 * IllegalArgumentException would be an unlocated error): every line dropped, and every line with
 * its last word replaced by nonsense.
 */
class MapperRobustnessTest {

    private static final List<String> REPLACEMENTS = List.of("", "0", "-1", "65536", "999999999999", "1.2345678",
            "x", "::", "300.1.1.1", "{");

    @Test
    void damagedConfigsAreReportedNotThrown() throws IOException {
        int variants = 0;
        int rejected = 0;
        for (String name : List.of("full-vrrp.conf", "full-lvs.conf")) {
            List<String> lines = Files.readAllLines(Configs.resource("model/" + name));
            for (int i = 0; i < lines.size(); i++) {
                for (String text : variants(lines, i)) {
                    KeepalivedConfigs.Result result = Configs.check(text);
                    variants++;
                    if (result.config().isEmpty()) {
                        rejected++;
                        assertFalse(result.problems().isEmpty(), "a rejection carries its problems");
                    }
                }
            }
        }
        assertTrue(variants > 1000, "variants: " + variants);
        assertTrue(rejected > variants / 2, "most damage is caught: " + rejected + " of " + variants);
    }

    private static List<String> variants(List<String> lines, int index) {
        List<String> result = new ArrayList<>();
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(index);
        result.add(String.join("\n", dropped));
        String line = lines.get(index).strip();
        int space = line.lastIndexOf(' ');
        if (space > 0) {
            for (String replacement : REPLACEMENTS) {
                List<String> changed = new ArrayList<>(lines);
                changed.set(index, line.substring(0, space + 1) + replacement);
                result.add(String.join("\n", changed));
            }
        }
        return result;
    }
}
