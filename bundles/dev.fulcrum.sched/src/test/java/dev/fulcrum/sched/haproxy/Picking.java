package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the algorithm tests share: seeded settings, pick sequences and counts. */
final class Picking {

    static final long SEED = 20261124L;

    private Picking() {
    }

    /** No balance arguments, seeded random source, system clock. */
    static SchedulerSettings settings() {
        return SchedulerSettings.defaults().withRandom(new SplittableRandom(SEED));
    }

    static SchedulerSettings settings(Balance balance) {
        return settings().withBalance(balance);
    }

    /** The ids of {@code n} picks for a request without any key, space-separated; "-" for no server. */
    static String sequence(Scheduler scheduler, int n) {
        return IntStream.range(0, n).mapToObj(i -> id(scheduler, TestRequest.tcp())).collect(Collectors.joining(" "));
    }

    static String id(Scheduler scheduler, RequestContext request) {
        return scheduler.pick(request).map(ServerView::id).orElse("-");
    }

    /** How many of the requests went to each server id ("-" counts the requests without a server). */
    static Map<String, Integer> counts(Scheduler scheduler, List<? extends RequestContext> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach(r -> counts.merge(id(scheduler, r), 1, Integer::sum));
        return counts;
    }

    /** {@code n} requests without a key. */
    static List<RequestContext> keyless(int n) {
        return IntStream.range(0, n).mapToObj(i -> (RequestContext) TestRequest.tcp()).toList();
    }
}
