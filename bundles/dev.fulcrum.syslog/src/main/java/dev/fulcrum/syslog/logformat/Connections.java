package dev.fulcrum.syslog.logformat;

/**
 * The connection counters and queues logged as {@code %ac/%fc/%bc/%sc/%rc %sq/%bq}
 * (configuration.txt 8.2.2), read when the line is logged.
 *
 * @param active       {@code actconn}: connections on the whole process
 * @param frontend     {@code feconn}: connections on the frontend
 * @param backend      {@code beconn}: connections handled by the backend
 * @param server       {@code srv_conn}: connections still active on the server
 * @param retries      {@code retries}: connection retries
 * @param redispatched the retries ended on another server ({@code option redispatch}): logged as "+N"
 * @param serverQueue  {@code srv_queue}: requests processed before this one in the server's queue
 * @param backendQueue {@code backend_queue}: requests processed before this one in the backend's queue
 */
public record Connections(int active, int frontend, int backend, int server, int retries, boolean redispatched,
        int serverQueue, int backendQueue) {

    public Connections {
        int[] all = {active, frontend, backend, server, retries, serverQueue, backendQueue};
        for (int value : all) {
            if (value < 0) {
                throw new IllegalArgumentException("connection counter " + value + ": must be >= 0");
            }
        }
    }
}
