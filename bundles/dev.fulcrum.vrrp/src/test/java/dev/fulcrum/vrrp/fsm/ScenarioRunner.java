package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.vrrp.fsm.Action.Log;
import dev.fulcrum.vrrp.fsm.Event.AdvertReceived;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.DropCounters;
import dev.fulcrum.vrrp.packet.ReceiveResult;
import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Plays a {@link Scenario} against a fresh {@link VrrpStateMachine}, with {@code receive} events
 * going through the codec and {@link ReceiveValidator} first, as the adapter will do. Throws an
 * {@link AssertionError} naming the step when the actions differ, a {@link ScenarioException}
 * when the scenario itself is wrong.
 */
final class ScenarioRunner {

    private final Scenario scenario;
    private final RouterSettings settings;
    private final VrrpStateMachine machine;
    private final ReceiveValidator validator;
    private final DropCounters drops = new DropCounters();

    ScenarioRunner(Scenario scenario) {
        this.scenario = scenario;
        ScenarioSettings parsed = ScenarioSettings.parse(scenario.file(), scenario.settings());
        this.settings = parsed.router();
        this.machine = new VrrpStateMachine(settings);
        this.validator = new ReceiveValidator(settings.receiveRules(parsed.subnets()));
    }

    DropCounters drops() {
        return drops;
    }

    void run() {
        Instant previous = Instant.EPOCH;
        for (Scenario.Step step : scenario.steps()) {
            Instant at = Instant.EPOCH.plus(Arguments.parseSeconds(scenario.file(), step.line(), step.at()));
            if (at.isBefore(previous)) {
                throw new ScenarioException(scenario.file(), step.line(), "time goes backwards");
            }
            previous = at;
            List<String> actual = new ArrayList<>();
            List<String> logs = new ArrayList<>();
            for (Action action : play(step, at, actual, logs)) {
                (action instanceof Log ? logs : actual).add(ActionText.of(action));
            }
            check(step, actual, logs);
        }
    }

    private List<Action> play(Scenario.Step step, Instant at, List<String> actual, List<String> logs) {
        String[] event = step.event();
        Event fsmEvent = switch (event[0]) {
            case "startup" -> new Event.Startup(at);
            case "shutdown" -> new Event.Shutdown(at);
            case "timer" -> new Event.TimerFired(at, timerKind(step, event));
            case "fault" -> new Event.FaultRaised(at, word(step, event));
            case "fault-cleared" -> new Event.FaultCleared(at, word(step, event));
            case "priority" -> new Event.PriorityChanged(at, integer(step, word(step, event)));
            case "advert" -> {
                Arguments args = new Arguments(scenario.file(), step.line(), event, 1);
                Event advert = advert(args, at);
                args.finish();
                yield advert;
            }
            case "receive" -> {
                Arguments args = new Arguments(scenario.file(), step.line(), event, 1);
                Event received = receive(args, at, actual, logs).orElse(null);
                args.finish();
                yield received;
            }
            default -> throw new ScenarioException(scenario.file(), step.line(), "unknown event '" + event[0]
                    + "' (startup, shutdown, timer, fault, fault-cleared, priority, advert, receive)");
        };
        if (event.length > 1 && (event[0].equals("startup") || event[0].equals("shutdown"))) {
            throw new ScenarioException(scenario.file(), step.line(), "'" + event[0] + "' takes no arguments");
        }
        return fsmEvent == null ? List.of() : machine.handle(fsmEvent);
    }

    /** An advert that passed validation, built from the settings with the given changes. */
    private Event advert(Arguments args, Instant at) {
        var from = ScenarioSettings.address(args, args.required("from"));
        int priority = args.integer("priority", settings.priority());
        int interval = args.integer("interval", settings.advertIntervalField());
        var addresses = settings.virtualAddresses().stream().map(v -> v.address()).toList();
        Advertisement advert = settings.version() == 2
                ? Advertisement.v2(settings.virtualRouterId(), priority, interval, addresses,
                        settings.authentication().orElseThrow(() -> args.error("v2 scenarios need auth=")))
                : Advertisement.v3(settings.virtualRouterId(), priority, interval, addresses);
        return new AdvertReceived(at, from, advert);
    }

    private Optional<Event> receive(Arguments args, Instant at, List<String> actual, List<String> logs) {
        ReceivedPacket packet = ReceivedPacket.parse(args, settings);
        ReceiveResult result = validator.validate(packet.envelope(), packet.payload());
        if (result instanceof Drop drop) {
            drops.count(drop);
            actual.add("drop " + drop.reason());
            logs.add(drop.detail());
            return Optional.empty();
        }
        Accepted accepted = (Accepted) result;
        logs.addAll(accepted.notices());
        return Optional.of(new AdvertReceived(at, packet.envelope().source(), accepted.advert()));
    }

    private void check(Scenario.Step step, List<String> actual, List<String> logs) {
        String where = scenario.location() + ", step at line " + step.line() + " (at " + step.at() + " "
                + String.join(" ", step.event()) + ")";
        if (!actual.equals(step.expected())) {
            throw new AssertionError(where + "\n  expected: " + lines(step.expected()) + "\n  actual:   "
                    + lines(actual) + "\n  logs:     " + lines(logs));
        }
        for (String log : step.logs()) {
            if (logs.stream().noneMatch(line -> line.contains(log))) {
                throw new AssertionError(where + "\n  no log line contains '" + log + "'\n  logs: " + lines(logs));
            }
        }
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "(nothing)" : String.join("\n            ", lines);
    }

    private TimerKind timerKind(Scenario.Step step, String[] event) {
        String name = word(step, event);
        try {
            return TimerKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(scenario.file(), step.line(), "unknown timer '" + name + "' "
                    + Arrays.toString(TimerKind.values()));
        }
    }

    private String word(Scenario.Step step, String[] event) {
        if (event.length != 2) {
            throw new ScenarioException(scenario.file(), step.line(), "'" + event[0] + "' takes exactly one word");
        }
        return event[1];
    }

    private int integer(Scenario.Step step, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ScenarioException(scenario.file(), step.line(), "'" + text + "' is not a number");
        }
    }
}
