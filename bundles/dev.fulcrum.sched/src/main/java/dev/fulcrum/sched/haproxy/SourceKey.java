package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.net.InetAddress;
import java.util.OptionalLong;

/** configuration.txt 4.2 "balance source": the client's address (4 or 16 bytes), not its port. */
final class SourceKey implements RequestKey {

    @Override
    public OptionalLong hash(RequestContext request) {
        InetAddress source = request.sourceAddress();
        return source == null ? OptionalLong.empty() : OptionalLong.of(Hashing.of(source.getAddress()));
    }
}
