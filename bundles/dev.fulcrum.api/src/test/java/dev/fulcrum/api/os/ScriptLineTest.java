package dev.fulcrum.api.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLineTest {

    @Test
    void appendixAChkHaproxyIsKillallWithTwoArguments() {
        assertEquals(List.of("killall", "-0", "haproxy"), ScriptLine.split("killall -0 haproxy"));
    }

    @Test
    void quotesKeepBlanksAndNoShellSyntaxIsInterpreted() {
        assertEquals(List.of("/bin/notify", "a b", "c d", "$HOME;", "|"),
                ScriptLine.split("  /bin/notify 'a b' \"c d\"  $HOME; | "));
        assertEquals(List.of("x", ""), ScriptLine.split("x ''"));
    }

    @Test
    void emptyOrUnclosedIsAnError() {
        assertEquals("empty script", assertThrows(IllegalArgumentException.class, () -> ScriptLine.split("  "))
                .getMessage());
        assertEquals("unclosed ' in script: a 'b", assertThrows(IllegalArgumentException.class,
                () -> ScriptLine.split("a 'b")).getMessage());
    }
}
