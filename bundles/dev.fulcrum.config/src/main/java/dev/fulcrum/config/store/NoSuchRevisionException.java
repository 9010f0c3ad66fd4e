package dev.fulcrum.config.store;

/** A caller named a revision number the store does not hold (never written, or pruned, or damaged). */
public final class NoSuchRevisionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long number;

    NoSuchRevisionException(long number, String held) {
        super("revision " + number + " does not exist; the store holds " + held);
        this.number = number;
    }

    public long number() {
        return number;
    }
}
