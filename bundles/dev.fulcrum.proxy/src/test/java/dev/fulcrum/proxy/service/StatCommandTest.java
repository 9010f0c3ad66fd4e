package dev.fulcrum.proxy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.proxy.StatCsv;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.api.proxy.StatRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatCommandTest {

    private static StatRow row(String pxname, String svname) {
        List<String> values = new ArrayList<>(Collections.nCopies(StatField.values().length, ""));
        values.set(StatField.PXNAME.ordinal(), pxname);
        values.set(StatField.SVNAME.ordinal(), svname);
        return new StatRow(values);
    }

    private final List<StatRow> rows = List.of(row("web", "FRONTEND"), row("app", "a1"), row("app", "BACKEND"));
    private final StatCommand command = new StatCommand(() -> rows);

    @Test
    void printsHaproxysCsvOfEveryRow() {
        assertEquals(StatCsv.format(rows), command.stat());
        assertTrue(command.stat().startsWith("# pxname,svname,qcur,"));
    }

    @Test
    void namedProxiesOnly() {
        assertEquals(StatCsv.format(rows.subList(1, 3)), command.stat("app"));
    }

    @Test
    void anUnknownProxyOrOptionIsSaidPlainly() {
        assertEquals("fulcrum:stat: no frontend or backend named nope\n", command.stat("app", "nope"));
        assertEquals("fulcrum:stat: unknown option --json\n" + StatCommand.USAGE + "\n", command.stat("--json"));
    }
}
