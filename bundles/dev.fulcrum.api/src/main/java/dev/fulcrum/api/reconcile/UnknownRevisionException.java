package dev.fulcrum.api.reconcile;

/** A rollback named a revision the store does not hold (never written, pruned, or damaged). */
public final class UnknownRevisionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long number;

    public UnknownRevisionException(long number, String message) {
        super(message);
        this.number = number;
    }

    public long number() {
        return number;
    }
}
