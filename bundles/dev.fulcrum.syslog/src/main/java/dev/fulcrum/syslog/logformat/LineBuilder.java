package dev.fulcrum.syslog.logformat;

/**
 * Joins fields the way HAProxy's log-format engine does: a space separator is written only when the
 * previous output was not a separator, so an empty field (e.g. {@code %hr} with no capture) leaves
 * no double space behind (configuration.txt 8.2.4).
 */
final class LineBuilder {

    private final StringBuilder text = new StringBuilder(160);
    private boolean lastWasSeparator = true;

    LineBuilder field(String value) {
        if (!value.isEmpty()) {
            text.append(value);
            lastWasSeparator = false;
        }
        return this;
    }

    LineBuilder field(long value) {
        return field(Long.toString(value));
    }

    /** A literal between fields of one group, e.g. "/" or ":". */
    LineBuilder literal(char c) {
        text.append(c);
        lastWasSeparator = false;
        return this;
    }

    LineBuilder space() {
        if (!lastWasSeparator) {
            text.append(' ');
            lastWasSeparator = true;
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
