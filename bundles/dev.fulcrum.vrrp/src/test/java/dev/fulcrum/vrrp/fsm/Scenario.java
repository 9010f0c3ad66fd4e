package dev.fulcrum.vrrp.fsm;

import java.util.List;

/**
 * One scenario of a file in src/test/resources/scenarios: a name, the RFC section it exercises,
 * the instance's settings and timed steps with the actions each must produce.
 */
record Scenario(String file, int line, String name, String rfc, SettingsLine settings, List<Step> steps) {

    /** The {@code settings} line, kept as words until the runner builds it. */
    record SettingsLine(int line, String[] words) {
    }

    /**
     * @param expected the exact non-log actions, in order (empty: the event must do nothing)
     * @param logs     texts that some log line of this step must contain
     */
    record Step(int line, String at, String[] event, List<String> expected, List<String> logs) {
    }

    String location() {
        return file + ":" + line + " (" + name + ")";
    }
}
