package dev.fulcrum.health;

/**
 * The result class of one check, with HAProxy's wording (configuration.txt 9.3 "check_status" and
 * the descriptions HAProxy prints after "reason:" in its server state log lines).
 */
public enum CheckStatus {
    L4OK("Layer4 check passed", true, false),
    L4TOUT("Layer4 timeout", false, false),
    L4CON("Layer4 connection problem", false, false),
    L6OK("Layer6 check passed", true, false),
    L6TOUT("Layer6 timeout", false, false),
    L6RSP("Layer6 invalid response", false, false),
    L7TOUT("Layer7 timeout", false, false),
    L7RSP("Layer7 invalid response", false, false),
    /** "L7OK" with a response code: the code is printed. */
    L7OK("Layer7 check passed", true, true),
    L7STS("Layer7 wrong status", false, true),
    PROCERR("External check error", false, true),
    PROCTOUT("External check timeout", false, true),
    PROCOK("External check passed", true, true),
    /** Not a check: keepalived {@code omega} reports an UP server DOWN when its checker stops. */
    STOPPED("Checker stopped", false, false);

    private final String description;
    private final boolean passed;
    private final boolean hasCode;

    CheckStatus(String description, boolean passed, boolean hasCode) {
        this.description = description;
        this.passed = passed;
        this.hasCode = hasCode;
    }

    /** HAProxy's text, e.g. "Layer4 connection problem". */
    public String description() {
        return description;
    }

    public boolean passed() {
        return passed;
    }

    /** Whether HAProxy prints ", code: N" for this status (those after HCHK_STATUS_L57DATA). */
    public boolean hasCode() {
        return hasCode;
    }
}
