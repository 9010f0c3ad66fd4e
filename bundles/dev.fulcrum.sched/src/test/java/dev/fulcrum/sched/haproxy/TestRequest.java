package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A request a test describes: each setter returns a new one. Headers compare case-insensitively. */
record TestRequest(InetAddress sourceAddress, Optional<String> path, Optional<String> query,
        Map<String, String> headers, Optional<String> method, Optional<ByteBuffer> payloadPrefix)
        implements RequestContext {

    static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    static TestRequest tcp() {
        return new TestRequest(LOCALHOST, Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty());
    }

    /** A GET of {@code uri}, split at its first '?'. */
    static TestRequest get(String uri) {
        int question = uri.indexOf('?');
        return new TestRequest(LOCALHOST, Optional.of(question < 0 ? uri : uri.substring(0, question)),
                question < 0 ? Optional.empty() : Optional.of(uri.substring(question + 1)), Map.of(),
                Optional.of("GET"), Optional.empty());
    }

    static TestRequest from(String address) {
        try {
            return tcp().withSource(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    TestRequest withSource(InetAddress address) {
        return new TestRequest(address, path, query, headers, method, payloadPrefix);
    }

    TestRequest withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        more.putAll(headers);
        more.put(name, value);
        return new TestRequest(sourceAddress, path, query, more, method, payloadPrefix);
    }

    TestRequest withMethod(String value) {
        return new TestRequest(sourceAddress, path, query, headers, Optional.of(value), payloadPrefix);
    }

    TestRequest withPayload(ByteBuffer value) {
        return new TestRequest(sourceAddress, path, query, headers, method, Optional.of(value));
    }

    TestRequest withBody(String value) {
        return withPayload(ByteBuffer.wrap(value.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer());
    }

    @Override
    public int sourcePort() {
        return 40000;
    }

    @Override
    public InetAddress destinationAddress() {
        return LOCALHOST;
    }

    @Override
    public int destinationPort() {
        return 80;
    }

    @Override
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))).map(Map.Entry::getValue).findFirst();
    }
}
