package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.SchedulerFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * For each hashing algorithm: its factory, its balance arguments and a request carrying a given key, so
 * that the statistical and concurrency tests run over all of them alike.
 */
enum KeyedRequests {
    SOURCE(new SourceFactory(), null, KeyedRequests::fromAddress),
    URI(new UriFactory(), Balance.uri(OptionalInt.empty(), OptionalInt.empty(), false),
            key -> TestRequest.get("/objects/" + key + ".png?v=1")),
    URL_PARAM(new UrlParamFactory(), Balance.urlParam("user", true),
            key -> TestRequest.get("/account?lang=en&user=" + key)),
    HDR(new HeaderFactory(), Balance.hdr("X-Session", false),
            key -> TestRequest.get("/").withHeader("x-session", Long.toString(key))),
    RDP_COOKIE(new RdpCookieFactory(), null,
            key -> TestRequest.tcp().withPayload(RequestKeysTest.rdp("Cookie: mstshash=user" + key + "\r\n")));

    final SchedulerFactory factory;
    final Balance balance;
    final Function<Long, RequestContext> request;

    KeyedRequests(SchedulerFactory factory, Balance balance, Function<Long, RequestContext> request) {
        this.factory = factory;
        this.balance = balance;
        this.request = request;
    }

    /** {@code n} requests with distinct pseudo-random keys drawn from {@code seed}. */
    List<RequestContext> requests(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, n).mapToObj(i -> request.apply(random.nextLong() >>> 1)).toList();
    }

    private static RequestContext fromAddress(long key) {
        byte[] address = {10, (byte) (key >> 16), (byte) (key >> 8), (byte) key};
        try {
            return TestRequest.tcp().withSource(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
