package dev.fulcrum.proxy.testing;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most memory Netty's default allocator (the one the proxy's channels use) had handed out at
 * any sample, heap and direct together, next to what it had when sampling began. Only the proxy
 * allocates from it in these tests: the clients and servers use blocking JDK sockets.
 */
public final class PooledMemoryPeak {

    private final ByteBufAllocatorMetric metric =
            ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
    private final long baseline = used();
    private final AtomicLong peak = new AtomicLong(baseline);

    private long used() {
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }

    /** Takes a sample; safe from any thread. */
    public void sample() {
        peak.accumulateAndGet(used(), Math::max);
    }

    public long baseline() {
        return baseline;
    }

    public long peak() {
        return peak.get();
    }

    /** How far above the baseline the samples went. */
    public long growth() {
        return peak.get() - baseline;
    }
}
