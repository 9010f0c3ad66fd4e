package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fulcrum.api.host.Feature;
import dev.fulcrum.api.host.HostCapabilities;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostSubsystemTest {

    private static final Feature NO_IPVS = Feature.missing("no ip_vs in kernel 6.1.0 (CONFIG_IP_VS not set?)");
    private static final Feature NFT = Feature.available("nft installed, nf_tables loaded");

    @Test
    void rootIsActiveWithTheSummaryAsReason() {
        HostCapabilities host = new HostCapabilities(true, true, true, NO_IPVS, NFT);
        SubsystemStatus status = new HostSubsystem(host).status();
        assertEquals("host", status.name());
        assertEquals(SubsystemState.ACTIVE, status.state());
        assertEquals(host.summary(), status.reason());
        assertEquals(SubsystemStatus.NO_REVISION, status.appliedRevision());
    }

    @Test
    void netAdminWithoutRootIsActive() {
        assertEquals(SubsystemState.ACTIVE,
                new HostSubsystem(new HostCapabilities(false, true, false, NO_IPVS, NFT)).status().state());
    }

    @Test
    void rootWithoutNetAdminIsDegraded() {
        SubsystemStatus status = new HostSubsystem(new HostCapabilities(true, false, true, NO_IPVS, NFT)).status();
        assertEquals(SubsystemState.DEGRADED, status.state());
        assertTrue(status.reason().startsWith("root without CAP_NET_ADMIN"), status.reason());
    }

    @Test
    void unprivilegedIsDegradedAndSaysWhatFollows() {
        HostCapabilities host = new HostCapabilities(false, false, true, NO_IPVS, NFT);
        SubsystemStatus status = new HostSubsystem(host).status();
        assertEquals(SubsystemState.DEGRADED, status.state());
        assertEquals("network subsystems will report INACTIVE; " + host.summary(), status.reason());
    }

    @Test
    void probesOnceAtActivation() {
        HostCapabilities host = new HostCapabilities(true, true, true, NO_IPVS, NFT);
        AtomicInteger probes = new AtomicInteger();
        HostSubsystem subsystem = new HostSubsystem(() -> {
            probes.incrementAndGet();
            return host;
        });
        subsystem.status();
        subsystem.status();
        assertEquals(1, probes.get());
        assertSame(host, subsystem.capabilities());
    }
}
