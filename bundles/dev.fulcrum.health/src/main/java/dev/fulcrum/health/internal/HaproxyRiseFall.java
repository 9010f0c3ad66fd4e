package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.HealthState;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * HAProxy's verdict (configuration.txt 5.2 "rise", "fall", "inter", "fastinter", "downinter"): a
 * health counter from 0 to rise + fall - 1. A server is UP from rise upward. A success raises the
 * counter; reaching rise while DOWN brings the server UP with the counter at its top, so that
 * "fall" consecutive failures are needed to take it DOWN again. A failure lowers the counter while
 * above rise, otherwise the server goes (or stays) DOWN with the counter at 0.
 *
 * <p>A server starts UP with the counter at rise, as HAProxy does ("up, but will fall down at first
 * failure"), and DOWN at 0 when its state is being restored as DOWN.
 *
 * <p>The next check comes after "inter" when the counter is at its top (steadily UP), "downinter"
 * when it is at 0 and the server is DOWN (steadily DOWN), and "fastinter" while in between.
 */
final class HaproxyRiseFall implements VerdictMachine {

    private final int rise;
    private final int top;
    private final Duration inter;
    private final Duration fastinter;
    private final Duration downinter;
    private int health;
    private HealthState state;

    HaproxyRiseFall(Server server, HealthState initial) {
        this.rise = server.rise();
        this.top = server.rise() + server.fall() - 1;
        this.inter = server.inter();
        this.fastinter = server.fastinter();
        this.downinter = server.downinter();
        this.state = initial;
        this.health = initial == HealthState.UP ? rise : 0;
    }

    @Override
    public HealthState state() {
        return state;
    }

    /** HAProxy spreads first checks over "inter"; Fulcrum checks at once so a new server's state is known early. */
    @Override
    public Duration firstDelay() {
        return Duration.ZERO;
    }

    @Override
    public Step onOutcome(CheckOutcome outcome) {
        HealthState before = state;
        if (outcome.passed()) {
            if (health < top) {
                health++;
            }
            if (state == HealthState.DOWN && health >= rise) {
                state = HealthState.UP;
                health = top;
            }
        } else if (health > rise) {
            health--;
        } else {
            health = 0;
            state = HealthState.DOWN;
        }
        return state == before ? Step.stay(interval()) : Step.become(state, interval());
    }

    /** The interval rule above (HAProxy's srv_getinter()). */
    private Duration interval() {
        if (health == top) {
            return inter;
        }
        if (state == HealthState.DOWN && health == 0) {
            return downinter;
        }
        return fastinter;
    }

    /** The counter: management.txt 9.1 "check_health", "status: 2/3 UP" in HAProxy's health log. */
    @Override
    public OptionalInt health() {
        return OptionalInt.of(health);
    }
}
