package dev.fulcrum.syslog.logformat;

/**
 * The timers of configuration.txt 8.4 "Timing events", in milliseconds; {@link #NOT_REACHED} (-1)
 * when the step was never reached (e.g. no connect because the request was rejected).
 *
 * @param requestReceive {@code TR}: first request byte to complete request headers
 * @param queue          {@code Tw}: time spent waiting in the queues
 * @param connect        {@code Tc}: to establish the server connection
 * @param response       {@code Tr}: server connection established to full response headers
 * @param active         {@code Ta}: request date ({@code %tr}) to the last byte sent (HTTP)
 * @param total          {@code Tt}: accept to close (TCP)
 */
public record Timers(int requestReceive, int queue, int connect, int response, int active, int total) {

    public static final int NOT_REACHED = -1;

    public Timers {
        int[] all = {requestReceive, queue, connect, response, active, total};
        for (int value : all) {
            if (value < NOT_REACHED) {
                throw new IllegalArgumentException("timer " + value + " ms: must be -1 (not reached) or >= 0");
            }
        }
    }
}
