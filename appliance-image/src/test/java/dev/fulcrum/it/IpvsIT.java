package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.genl.FamilyNotFoundException;
import dev.fulcrum.netlink.genl.GenericNetlink;
import java.nio.file.Files;
import java.util.List;
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
 * The ipvs bundle in the image: its subsystem tells whether this kernel has IP Virtual Server
 * (checked here against a direct family lookup; the build host has none, so it is INACTIVE with the
 * reason), it takes revisions, fulcrum:ipvs answers, and the rest of the image keeps working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IpvsIT {

    @Inject
    private BundleContext context;

    @Inject
    private NetlinkConnector connector;

    @Inject
    private ConfigurationService configuration;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-ipvs-"))};
    }

    @Test
    public void theSubsystemReportsWhetherTheKernelHasIpvsAndTakesRevisions() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        assertEquals(Bundle.ACTIVE, probe.bundle("dev.fulcrum.ipvs").orElseThrow().getState());
        SubsystemStatus status = Await.until("the ipvs subsystem is registered", () -> subsystem(probe, "ipvs"));
        boolean kernelHasIpvs = kernelHasIpvs();
        assertEquals(status.reason(), kernelHasIpvs ? SubsystemState.ACTIVE : SubsystemState.INACTIVE, status.state());
        if (!kernelHasIpvs) {
            assertTrue(status.reason(), status.reason().startsWith("IPVS is not available on this host: generic netlink family"));
        }

        long revision = configuration.apply(DesiredState.EMPTY, "ipvs-it").number();
        SubsystemRevision applied = new SubsystemRevision("ipvs", revision, true, List.of());
        Await.until("ipvs applies revision " + revision, () -> applied.equals(configuration.appliedBySubsystem().get("ipvs")) ? applied : null);

        String listing = probe.shell("fulcrum:ipvs");
        assertTrue(listing, listing.startsWith(kernelHasIpvs ? "IP Virtual Server version " : "fulcrum:ipvs: IPVS is not available"));
        assertTrue(probe.shell("fulcrum:status").lines().anyMatch(line -> line.startsWith("config") && line.contains("ACTIVE")));
    }

    private boolean kernelHasIpvs() throws Exception {
        try (Connection generic = connector.open(NetlinkProtocol.GENERIC)) {
            new GenericNetlink(generic).resolve("IPVS");
            return true;
        } catch (FamilyNotFoundException e) {
            return false;
        }
    }

    /** The subsystem's status, or null while it is not registered (for Await). */
    static SubsystemStatus subsystem(FrameworkProbe probe, String name) {
        try {
            return probe.subsystem(name);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
