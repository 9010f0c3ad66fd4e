package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.NetlinkConnector;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.genl.GenericNetlink;
import dev.fulcrum.netlink.route.Link;
import dev.fulcrum.netlink.route.RouteNetlink;
import java.nio.file.Files;
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
 * The netlink bundle in a framework with the image's bundles: JNA resolves and loads its native
 * stub inside Felix, and the NetlinkConnector service opens real sockets (netlink dumps and the
 * generic netlink controller work without privileges, so this runs in the in-framework tier).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NetlinkIT {

    @Inject
    private BundleContext context;

    @Inject
    private NetlinkConnector connector;

    @Configuration
    public Option[] configuration() throws Exception {
        return new Option[] {ImageOptions.image(Files.createTempDirectory("fulcrum-netlink-"))};
    }

    @Test
    public void theBundleAndJnaAreActiveInTheImage() {
        FrameworkProbe probe = new FrameworkProbe(context);
        assertEquals(Bundle.ACTIVE, probe.bundle("dev.fulcrum.netlink").orElseThrow().getState());
        assertEquals(Bundle.ACTIVE, probe.bundle("com.sun.jna").orElseThrow().getState());
    }

    @Test
    public void theConnectorServiceResolvesTheControllerAndListsLinks() throws Exception {
        try (Connection generic = connector.open(NetlinkProtocol.GENERIC)) {
            assertEquals(GenericNetlink.CONTROLLER_ID, new GenericNetlink(generic).resolve("nlctrl").id());
        }
        try (Connection route = connector.open(NetlinkProtocol.ROUTE)) {
            assertTrue("the host's links include lo",
                    new RouteNetlink(route).links().stream().map(Link::name).anyMatch("lo"::equals));
        }
    }
}
