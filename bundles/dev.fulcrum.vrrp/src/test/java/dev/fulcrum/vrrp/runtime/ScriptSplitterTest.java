package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    @Test
    void appendixAChkHaproxyIsKillallWithTwoArguments() {
        assertEquals(List.of("killall", "-0", "haproxy"), ScriptSplitter.split("killall -0 haproxy"));
    }

    @Test
    void quotesKeepBlanksAndNoShellSyntaxIsInterpreted() {
        assertEquals(List.of("/bin/notify", "a b", "c d", "$HOME;", "|"),
                ScriptSplitter.split("  /bin/notify 'a b' \"c d\"  $HOME; | "));
        assertEquals(List.of("x", ""), ScriptSplitter.split("x ''"));
    }

    @Test
    void emptyOrUnclosedIsAnError() {
        assertEquals("empty script", assertThrows(IllegalArgumentException.class, () -> ScriptSplitter.split("  "))
                .getMessage());
        assertEquals("unclosed ' in script: a 'b", assertThrows(IllegalArgumentException.class,
                () -> ScriptSplitter.split("a 'b")).getMessage());
    }
}
