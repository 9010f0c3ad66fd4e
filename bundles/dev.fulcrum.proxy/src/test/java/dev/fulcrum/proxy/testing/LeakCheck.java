package dev.fulcrum.proxy.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector reports a buffer that was never released. The
 * module's tests run with {@code -Dio.netty.leakDetection.level=paranoid} (pom), so every buffer is
 * tracked; this factory records each report instead of only logging it. Installed before the first
 * buffer class loads (the allocator creates its detector in a static initializer).
 */
public final class LeakCheck implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheck.class);

    /** The reports, shared by every class of the run through the root context store. */
    static final class Recorder extends ResourceLeakDetectorFactory {
        final Queue<String> leaks = new ConcurrentLinkedQueue<>();

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return newResourceLeakDetector(resource, samplingInterval);
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String type, String records) {
                    leaks.add(type + " leaked:" + records);
                }

                @Override
                protected void reportUntracedLeak(String type) {
                    leaks.add(type + " leaked (no records)");
                }
            };
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Recorder.class, k -> {
            Recorder recorder = new Recorder();
            ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(recorder);
            return recorder;
        }, Recorder.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Recorder recorder = context.getRoot().getStore(NAMESPACE).get(Recorder.class, Recorder.class);
        // Collected buffers are reported when the detector next tracks one: collect, give the
        // reference handler a moment to enqueue them (GC, not a timer), then allocate.
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(10);
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
            probe.release();
        }
        List<String> found = new ArrayList<>(recorder.leaks);
        recorder.leaks.clear();
        assertEquals(List.of(), found, "Netty reported leaked buffers in " + context.getDisplayName());
    }
}
