package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request timeline on a hand-moved clock, and the samples its end adds (HAProxy's rules). */
class RequestTimerTest {

    private final ManualClock clock = new ManualClock();
    private final BackendCounters backend = new BackendCounters(clock);
    private final ServerCounters server = backend.server("s1");

    @Test
    void anHttpRequestSamplesItsQueueConnectResponseAndTotalTimes() {
        RequestTimer timer = backend.timer(true);
        clock.advance(Duration.ofMillis(30));
        timer.dequeued();
        clock.advance(Duration.ofMillis(4));
        timer.connected(server);
        clock.advance(Duration.ofMillis(12));
        timer.responded();
        clock.advance(Duration.ofMillis(6));
        timer.ended();
        timer.ended(); // a second end changes nothing

        assertEquals(List.of(30L, 4L, 12L, 52L), averages(server.times()));
        assertEquals(List.of(30L, 4L, 12L, 52L), averages(backend.times()));
    }

    @Test
    void theAverageRunsOverTheRequestsAndTheMaximumKeepsTheWorst() {
        for (int responseMillis : new int[] {10, 20, 60}) {
            RequestTimer timer = backend.timer(true);
            timer.dequeued();
            timer.connected(server);
            clock.advance(Duration.ofMillis(responseMillis));
            timer.responded();
            timer.ended();
        }
        assertEquals(30, server.times().response().average());
        assertEquals(60, server.times().response().max());
        assertEquals(0, server.times().queue().average());
    }

    @Test
    void aTcpConnectionHasNoResponseTime() {
        RequestTimer timer = backend.timer(false);
        timer.dequeued();
        clock.advance(Duration.ofMillis(2));
        timer.connected(server);
        clock.advance(Duration.ofSeconds(3));
        timer.ended();
        assertEquals(List.of(0L, 2L, 0L, 3002L), averages(server.times()));
    }

    @Test
    void requestsWithoutAServerConnectionOrAResponseAddNoSample() {
        RequestTimer queuedOut = backend.timer(true);
        clock.advance(Duration.ofSeconds(2));
        queuedOut.ended(); // "timeout queue": 503, no server
        RequestTimer unanswered = backend.timer(true);
        unanswered.dequeued();
        unanswered.connected(server);
        clock.advance(Duration.ofSeconds(5));
        unanswered.ended(); // 504: no response head
        assertEquals(List.of(0L, 0L, 0L, 0L), averages(backend.times()));
        assertEquals(0, backend.times().total().max());
    }

    private static List<Long> averages(ServiceTimes times) {
        return List.of(times.queue().average(), times.connect().average(), times.response().average(),
                times.total().average());
    }
}
