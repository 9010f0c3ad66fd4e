package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.vrrp.packet.DropReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner fails on wrong expectations and names the line of a malformed scenario. */
class ScenarioRunnerTest {

    private static final String HEADER = """
            scenario s
            rfc RFC 5798 section 6.4.1
            settings version=3 vrid=51 priority=100 advert=1 address=192.0.2.1 vips=192.0.2.100/24
            """;

    @Test
    void aWrongActionFailsWithTheStepAndBothLists() {
        AssertionError error = assertThrows(AssertionError.class, () -> run(HEADER + """
                at 0 startup
                expect start-timer MASTER_DOWN at=3.6
                expect state INITIALIZE -> BACKUP
                """));
        assertTrue(error.getMessage().contains("t.txt:1 (s), step at line 4"), error.getMessage());
        assertTrue(error.getMessage().contains("actual:   start-timer MASTER_DOWN at=3.609375"), error.getMessage());
    }

    @Test
    void aMissingActionFails() {
        assertThrows(AssertionError.class, () -> run(HEADER + """
                at 0 startup
                expect state INITIALIZE -> BACKUP
                """));
    }

    @Test
    void expectNothingFailsWhenSomethingHappens() {
        assertThrows(AssertionError.class, () -> run(HEADER + """
                at 0 startup
                expect nothing
                """));
    }

    @Test
    void aMissingLogLineFails() {
        AssertionError error = assertThrows(AssertionError.class, () -> run(HEADER + """
                at 0 startup
                expect start-timer MASTER_DOWN at=3.609375
                expect state INITIALIZE -> BACKUP
                log Entering MASTER
                """));
        assertTrue(error.getMessage().contains("no log line contains 'Entering MASTER'"), error.getMessage());
    }

    @Test
    void dropsAreCountedByReason() {
        ScenarioRunner runner = new ScenarioRunner(ScenarioFile.parse("t.txt", HEADER + """
                at 0 receive from=192.0.2.2 ttl=1
                expect drop TTL
                at 0 receive from=192.0.2.2 vrid=9
                expect drop VRID
                at 0 receive from=192.0.2.2 ttl=2
                expect drop TTL
                """).get(0));
        runner.run();
        assertEquals(2, runner.drops().get(DropReason.TTL));
        assertEquals(1, runner.drops().get(DropReason.VRID));
        assertEquals(3, runner.drops().total());
    }

    @Test
    void malformedScenariosNameTheirLine() {
        assertError("t.txt:4: unknown keyword 'bogus'", HEADER + "bogus\n");
        assertError("t.txt:4: step has no 'expect' line", HEADER + "at 0 startup\n");
        assertError("t.txt:1: scenario 's' names no RFC section", "scenario s\nsettings x=1\nat 0 startup\n"
                + "expect nothing\n");
        assertError("t.txt:4: 'abc' is not a time in seconds", HEADER + "at abc startup\nexpect nothing\n");
        assertError("t.txt:1: 'at' before the first 'scenario' line", "at 0 startup\n");
        assertError("t.txt:4: unknown event 'reboot'", HEADER + "at 0 reboot\nexpect nothing\n");
        assertError("t.txt:4: unknown timer 'SOON'", HEADER + "at 0 timer SOON\nexpect nothing\n");
        assertError("t.txt:4: not understood: colour", HEADER + "at 0 receive from=192.0.2.2 colour=red\n"
                + "expect nothing\n");
        assertError("t.txt:4: 'host.example' is not an IP address", HEADER + "at 0 advert from=host.example\n"
                + "expect nothing\n");
        assertError("t.txt:3: bad settings: advertInterval must be whole seconds from 1 to 255 for VRRPv2",
                HEADER.replace("version=3", "version=2").replace("advert=1", "advert=1.5 auth=x") + "at 0 startup\n"
                        + "expect nothing\n");
        assertError("t.txt:6: time goes backwards", HEADER + "at 1 priority 5\nexpect nothing\n"
                + "at 0 priority 5\nexpect nothing\n");
    }

    private static void assertError(String expectedStart, String text) {
        ScenarioException error = assertThrows(ScenarioException.class, () -> run(text));
        assertTrue(error.getMessage().startsWith(expectedStart), error.getMessage());
    }

    private static void run(String text) {
        List<Scenario> scenarios = ScenarioFile.parse("t.txt", text);
        scenarios.forEach(s -> new ScenarioRunner(s).run());
    }
}
