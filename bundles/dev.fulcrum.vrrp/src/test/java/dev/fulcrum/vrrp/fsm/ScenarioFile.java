package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.vrrp.fsm.Scenario.SettingsLine;
import dev.fulcrum.vrrp.fsm.Scenario.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a scenario file:
 * <pre>
 * # comment
 * scenario backup takes over when the master goes silent
 * rfc RFC 5798 section 6.4.2
 * settings version=3 vrid=51 priority=100 advert=1 address=192.0.2.1 vips=192.0.2.100/24
 * at 0 startup
 * expect start-timer MASTER_DOWN at=3.609375
 * expect state INITIALIZE -> BACKUP
 * log Entering BACKUP
 * at 3.609375 timer MASTER_DOWN
 * expect nothing
 * </pre>
 * Times are seconds. Each step lists every non-log action it produces ({@code expect nothing}
 * when there is none); {@code log} lines must each be contained in some log line of the step.
 */
final class ScenarioFile {

    private ScenarioFile() {
    }

    static List<Scenario> parse(String file, String text) {
        List<Scenario> scenarios = new ArrayList<>();
        Builder current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String rest = line.substring(words[0].length()).strip();
            if (words[0].equals("scenario")) {
                if (current != null) {
                    scenarios.add(current.build());
                }
                if (rest.isEmpty()) {
                    throw new ScenarioException(file, number, "a scenario needs a name");
                }
                current = new Builder(file, number, rest);
                continue;
            }
            if (current == null) {
                throw new ScenarioException(file, number, "'" + words[0] + "' before the first 'scenario' line");
            }
            current.add(number, words, rest);
        }
        if (current != null) {
            scenarios.add(current.build());
        }
        if (scenarios.isEmpty()) {
            throw new ScenarioException(file, 1, "no scenario in the file");
        }
        return scenarios;
    }

    private static final class Builder {
        private final String file;
        private final int line;
        private final String name;
        private String rfc;
        private SettingsLine settings;
        private final List<Step> steps = new ArrayList<>();
        private StepBuilder step;

        Builder(String file, int line, String name) {
            this.file = file;
            this.line = line;
            this.name = name;
        }

        void add(int number, String[] words, String rest) {
            switch (words[0]) {
                case "rfc" -> rfc = rest;
                case "settings" -> settings = new SettingsLine(number, words);
                case "at" -> {
                    finishStep();
                    if (settings == null) {
                        throw new ScenarioException(file, number, "'at' before the 'settings' line");
                    }
                    if (words.length < 3) {
                        throw new ScenarioException(file, number, "expected 'at SECONDS EVENT ...'");
                    }
                    Arguments.parseSeconds(file, number, words[1]);
                    step = new StepBuilder(number, words);
                }
                case "expect", "log" -> {
                    if (step == null) {
                        throw new ScenarioException(file, number, "'" + words[0] + "' before the first 'at' line");
                    }
                    if (rest.isEmpty()) {
                        throw new ScenarioException(file, number, "'" + words[0] + "' needs a text");
                    }
                    step.add(file, number, words[0], rest);
                }
                default -> throw new ScenarioException(file, number, "unknown keyword '" + words[0]
                        + "' (scenario, rfc, settings, at, expect, log)");
            }
        }

        private void finishStep() {
            if (step != null) {
                steps.add(step.build(file));
                step = null;
            }
        }

        Scenario build() {
            finishStep();
            if (rfc == null) {
                throw new ScenarioException(file, line, "scenario '" + name + "' names no RFC section ('rfc ...')");
            }
            if (steps.isEmpty()) {
                throw new ScenarioException(file, line, "scenario '" + name + "' has no steps");
            }
            return new Scenario(file, line, name, rfc, settings, List.copyOf(steps));
        }
    }

    private static final class StepBuilder {
        private final int line;
        private final String[] words;
        private final List<String> expected = new ArrayList<>();
        private final List<String> logs = new ArrayList<>();
        private boolean nothing;

        StepBuilder(int line, String[] words) {
            this.line = line;
            this.words = words;
        }

        void add(String file, int number, String keyword, String text) {
            if (keyword.equals("log")) {
                logs.add(text);
            } else if (text.equals("nothing")) {
                nothing = true;
            } else {
                expected.add(text);
            }
            if (nothing && !expected.isEmpty()) {
                throw new ScenarioException(file, number, "'expect nothing' and other expectations in one step");
            }
        }

        Step build(String file) {
            if (!nothing && expected.isEmpty()) {
                throw new ScenarioException(file, line, "step has no 'expect' line (write 'expect nothing')");
            }
            String[] event = Arrays.copyOfRange(words, 2, words.length);
            return new Step(line, words[1], event, List.copyOf(expected), List.copyOf(logs));
        }
    }
}
