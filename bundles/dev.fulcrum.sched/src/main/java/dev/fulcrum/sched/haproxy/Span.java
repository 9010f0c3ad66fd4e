package dev.fulcrum.sched.haproxy;

/**
 * A region [from, to) of a text or buffer packed in one long, so that a key's parser can say where the
 * key lies without allocating a String per request (the hash then reads the region in place).
 */
final class Span {

    /** No region: the request does not carry the key. */
    static final long NONE = -1;

    private Span() {
    }

    static long of(int from, int to) {
        return (long) from << 32 | to;
    }

    static int from(long span) {
        return (int) (span >>> 32);
    }

    static int to(long span) {
        return (int) span;
    }
}
