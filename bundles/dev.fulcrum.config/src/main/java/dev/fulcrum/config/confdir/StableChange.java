package dev.fulcrum.config.confdir;

import java.util.Objects;

/**
 * Decides, poll by poll, when the watched files are worth reading: when they differ from what was
 * last handled and have not changed since the previous poll, so that a file still being written is
 * not read half-way (the same rule as the hot deployer's jars). Pure: the caller stamps the files.
 *
 * @param <T> the stamps of every watched file together
 */
final class StableChange<T> {

    private T previous;
    private T handled;

    /** @return whether {@code current} should be handled now; if so it counts as handled */
    boolean offer(T current) {
        Objects.requireNonNull(current, "current");
        boolean stable = current.equals(previous);
        previous = current;
        if (stable && !current.equals(handled)) {
            handled = current;
            return true;
        }
        return false;
    }

    /** What was handled last, null before anything was. */
    T lastHandled() {
        return handled;
    }

    /** Records that {@code current} was handled outside {@link #offer} (at start, on request). */
    void handled(T current) {
        previous = Objects.requireNonNull(current, "current");
        handled = current;
    }
}
