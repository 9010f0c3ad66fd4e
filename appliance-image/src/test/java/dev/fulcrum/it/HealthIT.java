package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthService;
import dev.fulcrum.health.HealthState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The health bundle in the image: its DS service is registered, Netty's NIO transport works inside
 * Felix, and a TCP check of a loopback listener reports DOWN once the listener is closed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthIT {

    @Inject
    private BundleContext context;

    @Inject
    private HealthService health;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-health-"))};
    }

    @Test
    public void theBundleAndNettyAreActive() {
        FrameworkProbe probe = new FrameworkProbe(context);
        assertEquals(Bundle.ACTIVE, probe.bundle("dev.fulcrum.health").orElseThrow().getState());
        assertEquals(Bundle.ACTIVE, probe.bundle("io.netty.transport").orElseThrow().getState());
    }

    @Test
    public void aClosedListenerIsReportedDown() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket listener = new ServerSocket(0, 8, loopback);
        int port = listener.getLocalPort();
        Duration inter = Duration.ofMillis(100);
        Server server = new Server("app1", "127.0.0.1", port, true, inter, inter, inter, 1, 1, 1, false, 0, false,
                Duration.ZERO, false);
        BlockingQueue<HealthEvent> events = new LinkedBlockingQueue<>();
        HealthMonitor monitor = health.start(new CheckTarget("app/app1", new InetSocketAddress(loopback, port)),
                new CheckSpec.Haproxy(server, Optional.empty(), Optional.empty()), events::add);
        try {
            listener.close();
            HealthEvent down = events.poll(20, TimeUnit.SECONDS);
            assertNotNull("no DOWN within 20 s", down);
            assertEquals(HealthState.DOWN, down.state());
            assertEquals(CheckStatus.L4CON, down.cause().status());
        } finally {
            monitor.stop();
        }
    }
}
