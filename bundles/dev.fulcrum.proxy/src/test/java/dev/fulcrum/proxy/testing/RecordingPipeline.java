package dev.fulcrum.proxy.testing;

import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A frontend pipeline that only records the connections it is handed. */
public final class RecordingPipeline implements ClientPipeline {

    private final ConnectionGate gate = new ConnectionGate(100);
    private final List<Channel> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch expected;

    /** @param expected how many connections {@link #awaitExpected} waits for */
    public RecordingPipeline(int expected) {
        this.expected = new CountDownLatch(expected);
    }

    @Override
    public ConnectionGate gate() {
        return gate;
    }

    @Override
    public void accept(Channel client) {
        accepted.add(client);
        expected.countDown();
    }

    public List<Channel> accepted() {
        return List.copyOf(accepted);
    }

    public boolean awaitExpected(long seconds) throws InterruptedException {
        return expected.await(seconds, TimeUnit.SECONDS);
    }
}
