package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.os.Command;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keepalived.conf(5) notify_* scripts and notify's four arguments. */
class NotifierTest {

    private static final NotifyScripts SCRIPTS = new NotifyScripts(Optional.of("/m"), Optional.of("/b 'x y'"),
            Optional.empty(), Optional.of("/s"), Optional.of("/n --all"));

    private static List<List<String>> argv(VrrpState state) {
        return Notifier.commands(SCRIPTS, "INSTANCE", "VI_1", state, 150).stream().map(Command::argv).toList();
    }

    @Test
    void theStateScriptFirstThenNotifyWithTypeNameStateAndPriority() {
        assertEquals(List.of(List.of("/m"), List.of("/n", "--all", "INSTANCE", "VI_1", "MASTER", "150")),
                argv(VrrpState.MASTER));
        assertEquals(List.of(List.of("/b", "x y"), List.of("/n", "--all", "INSTANCE", "VI_1", "BACKUP", "150")),
                argv(VrrpState.BACKUP));
        assertEquals(List.of(List.of("/n", "--all", "INSTANCE", "VI_1", "FAULT", "150")), argv(VrrpState.FAULT));
        assertEquals(List.of(List.of("/s"), List.of("/n", "--all", "INSTANCE", "VI_1", "STOP", "150")),
                argv(VrrpState.INITIALIZE));
    }

    @Test
    void noScriptsNoCommands() {
        assertEquals(List.of(), Notifier.commands(NotifyScripts.NONE, "GROUP", "G", VrrpState.MASTER, 100));
    }
}
