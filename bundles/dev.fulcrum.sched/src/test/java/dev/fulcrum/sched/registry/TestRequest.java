package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.RequestContext;
import java.net.InetAddress;

/** A connection-level request on loopback: the algorithms of these tests do not look at it. */
final class TestRequest implements RequestContext {

    static final TestRequest ANY = new TestRequest();

    @Override
    public InetAddress sourceAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int sourcePort() {
        return 40000;
    }

    @Override
    public InetAddress destinationAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int destinationPort() {
        return 80;
    }
}
