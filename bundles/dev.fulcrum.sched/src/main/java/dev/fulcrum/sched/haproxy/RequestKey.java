package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.util.Optional;
import java.util.OptionalLong;

/** What a hashing algorithm hashes of a request; empty when the request does not carry it (round robin then). */
@FunctionalInterface
interface RequestKey {

    OptionalLong hash(RequestContext request);

    /** The hash of a text key, if there is one. */
    static OptionalLong hashOf(Optional<String> key) {
        return key.isPresent() ? OptionalLong.of(Hashing.of(key.get())) : OptionalLong.empty();
    }
}
