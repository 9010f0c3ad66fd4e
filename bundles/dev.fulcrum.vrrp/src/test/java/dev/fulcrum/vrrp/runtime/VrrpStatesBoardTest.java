package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.vrrp.VrrpStates;
import dev.fulcrum.api.vrrp.VrrpStates.State;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.VrrpState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VrrpStates service as the engine feeds it. */
class VrrpStatesBoardTest {

    private final VrrpStatesBoard board = new VrrpStatesBoard();

    @Test
    void tracksEachInstanceAndTellsSubscribersUntilTheyLeave() throws Exception {
        VrrpInstance instance = LiveChangeTest.instance(100, "e0");
        List<String> seen = new ArrayList<>();
        VrrpStates.Subscription subscription = board.subscribe((name, state) -> seen.add(name + " " + state));
        board.subscribe((name, state) -> {
            throw new IllegalStateException("a broken listener"); // must not stop the others
        });

        board.stateChanged(instance, new StateChanged(VrrpState.INITIALIZE, VrrpState.BACKUP, "start"));
        board.stateChanged(instance, new StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "master down"));
        assertEquals(Map.of("VI_1", State.MASTER), board.current());
        assertEquals(Optional.of(State.MASTER), board.state("VI_1"));

        board.stateChanged(instance, new StateChanged(VrrpState.MASTER, VrrpState.INITIALIZE, "stopped"));
        assertEquals(Map.of(), board.current(), "a stopped instance has no state");
        subscription.close();
        board.stateChanged(instance, new StateChanged(VrrpState.INITIALIZE, VrrpState.BACKUP, "start"));

        assertEquals(List.of("VI_1 BACKUP", "VI_1 MASTER", "VI_1 INIT"), seen);
    }
}
