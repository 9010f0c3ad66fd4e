package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.RequestContext;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * configuration.txt 4.2 "balance uri [len N] [depth N] [whole]": the path (the part before '?'), or with
 * "whole" the path and query; "len" keeps only the first N characters, "depth" only the first N
 * directories (it stops before the slash that opens the next one); with both, whichever is reached first.
 */
final class UriKey implements RequestKey {

    private final OptionalInt length;
    private final OptionalInt depth;
    private final boolean whole;

    UriKey(Balance balance) {
        this.length = balance.uriLength();
        this.depth = balance.uriDepth();
        this.whole = balance.uriWhole();
    }

    @Override
    public OptionalLong hash(RequestContext request) {
        return RequestKey.hashOf(key(request.path(), request.query()));
    }

    /** The part of the URI that is hashed; empty without a path (e.g. mode tcp). */
    Optional<String> key(Optional<String> path, Optional<String> query) {
        if (path.isEmpty() || path.get().isEmpty()) {
            return Optional.empty();
        }
        String uri = whole && query.isPresent() ? path.get() + '?' + query.get() : path.get();
        int end = Math.min(uri.length(), length.orElse(Integer.MAX_VALUE));
        if (depth.isPresent()) {
            int slashes = 0;
            for (int i = 0; i < end; i++) {
                if (uri.charAt(i) == '/' && ++slashes > depth.getAsInt()) {
                    end = i;
                    break;
                }
            }
        }
        return Optional.of(uri.substring(0, end));
    }
}
