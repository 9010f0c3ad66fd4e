package dev.fulcrum.proxy.stats;

import static dev.fulcrum.api.proxy.StatField.*;

/**
 * A server's or backend's {@code qtime}, {@code ctime}, {@code rtime}, {@code ttime} and their
 * {@code *_max} columns (management.txt 9.1 fields 58-61 and 90-93): each an average over the last
 * 1024 requests (http) or connections (tcp) that reached a server, in milliseconds.
 */
public final class ServiceTimes {

    private final SlidingAverage queue = new SlidingAverage(SlidingAverage.HAPROXY_WINDOW);
    private final SlidingAverage connect = new SlidingAverage(SlidingAverage.HAPROXY_WINDOW);
    private final SlidingAverage response = new SlidingAverage(SlidingAverage.HAPROXY_WINDOW);
    private final SlidingAverage total = new SlidingAverage(SlidingAverage.HAPROXY_WINDOW);

    /**
     * @param queueMillis    waiting in the backend's queue for a place on a server
     * @param connectMillis  connecting to the server (0 over a reused connection)
     * @param responseMillis from the connection to the response head (0 in tcp mode)
     * @param totalMillis    the whole request or connection
     */
    void record(long queueMillis, long connectMillis, long responseMillis, long totalMillis) {
        queue.add(queueMillis);
        connect.add(connectMillis);
        response.add(responseMillis);
        total.add(totalMillis);
    }

    void fill(RowBuilder row) {
        row.set(QTIME, queue.average()).set(CTIME, connect.average()).set(RTIME, response.average())
                .set(TTIME, total.average()).set(QTIME_MAX, queue.max()).set(CTIME_MAX, connect.max())
                .set(RTIME_MAX, response.max()).set(TTIME_MAX, total.max());
    }

    public SlidingAverage queue() {
        return queue;
    }

    public SlidingAverage connect() {
        return connect;
    }

    public SlidingAverage response() {
        return response;
    }

    public SlidingAverage total() {
        return total;
    }
}
