package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogService;
import dev.fulcrum.syslog.SyslogSink;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The syslog bundle in the image: its service opens a UDP sink inside Felix, a datagram reaches a
 * collector on loopback, and the "syslog" subsystem reports it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyslogIT {

    @Inject
    private BundleContext context;

    @Inject
    private SyslogService syslog;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-syslog-"))};
    }

    @Test
    public void aSinkFromTheServiceReachesACollectorAndTheSubsystemCountsIt() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            collector.setSoTimeout(10_000);
            LogTarget target = new LogTarget("127.0.0.1:" + collector.getLocalPort(), "local0", Optional.empty());
            try (SyslogSink sink = syslog.open(target, SyslogOptions.DEFAULTS)) {
                assertEquals(SyslogSink.Result.SENT, sink.send(Severity.INFO, "haproxy", 7, "from the image"));
                DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                collector.receive(packet);
                String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                assertTrue(line, line.startsWith("<134>") && line.endsWith(" haproxy[7]: from the image\n"));

                ServiceReference<Subsystem> reference = context.getServiceReferences(Subsystem.class,
                        "(" + Subsystem.NAME_PROPERTY + "=syslog)").iterator().next();
                String reason = context.getService(reference).status().reason();
                assertTrue(reason, reason.startsWith("1 log target(s) open, 1 line(s) sent"));
                context.ungetService(reference);
            }
        }
    }
}
