package dev.fulcrum.vrrp.fsm;

/** A scenario file that cannot be read, with the file and line it is about. */
final class ScenarioException extends RuntimeException {

    ScenarioException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
