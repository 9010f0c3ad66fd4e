package dev.fulcrum.proxy.pool;

/**
 * A request's place in its backend's queue, for the logs' {@code %bq} (configuration.txt 8.2.3
 * "backend_queue": the requests processed before this one in the backend's global queue). It counts
 * as HAProxy 2.6 does: one, plus every request the queue handed a place to between this one's
 * arrival and its leaving (with a place, on "timeout queue", or with its client); the count stops
 * when it leaves.
 */
public final class QueueTicket {

    private final BackendQueue queue;
    /** The queue's count of handed-out places when this request arrived, minus one. */
    private final long arrivedAfter;
    private long leftAt = -1;

    QueueTicket(BackendQueue queue, long dispatchedSoFar) {
        this.queue = queue;
        this.arrivedAfter = dispatchedSoFar - 1;
    }

    /** Called under the queue's lock as the request leaves the queue. */
    void left(long dispatchedSoFar) {
        if (leftAt < 0) {
            leftAt = dispatchedSoFar;
        }
    }

    /** The position to log: final once the request left the queue, the count so far before. */
    public int position() {
        synchronized (queue) {
            long end = leftAt >= 0 ? leftAt : queue.dispatched();
            return (int) Math.min(Integer.MAX_VALUE, end - arrivedAfter);
        }
    }
}
