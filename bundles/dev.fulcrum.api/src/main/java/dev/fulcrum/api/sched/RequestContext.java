package dev.fulcrum.api.sched;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an algorithm may hash or inspect about a request. The data plane implements it lazily over its
 * own buffers; the L7 parts are empty for a connection-level (IPVS, {@code mode tcp}) pick.
 */
@ConsumerType
public interface RequestContext {

    InetAddress sourceAddress();

    int sourcePort();

    InetAddress destinationAddress();

    int destinationPort();

    /** The request path without the query string (HAProxy {@code balance uri}). */
    default Optional<String> path() {
        return Optional.empty();
    }

    /** The query string after '?', without it ({@code balance uri whole}, {@code url_param}). */
    default Optional<String> query() {
        return Optional.empty();
    }

    /** The first value of a request header, name compared case-insensitively ({@code balance hdr(name)}). */
    default Optional<String> header(String name) {
        return Optional.empty();
    }

    /** The HTTP method, e.g. {@code POST} ({@code url_param ... check_post}). */
    default Optional<String> method() {
        return Optional.empty();
    }

    /**
     * The first bytes received: the start of a POST body in {@code mode http} (for {@code url_param ...
     * check_post}), the start of the stream in {@code mode tcp} (for {@code rdp-cookie}). Read-only; an
     * algorithm must not move its position.
     */
    default Optional<ByteBuffer> payloadPrefix() {
        return Optional.empty();
    }
}
