package dev.fulcrum.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.ScriptedConnection;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the rtnetlink operations read the kernel's answers (the requests' bytes are in RouteCodecTest). */
class RouteNetlinkTest {

    @Test
    void aMissingLinkIsEmptyAndIndexOfNamesIt() throws Exception {
        ScriptedConnection connection = new ScriptedConnection()
                .thenFail(ScriptedConnection.kernelError(19))
                .thenFail(ScriptedConnection.kernelError(19));
        RouteNetlink route = new RouteNetlink(connection);
        assertEquals(Optional.empty(), route.link("eth9"));
        assertEquals("no link named \"eth9\"", assertThrows(NetlinkException.class, () -> route.indexOf("eth9")).getMessage());
    }

    @Test
    void linksAreDecodedFromTheDump() throws Exception {
        RouteNetlink route = new RouteNetlink(new ScriptedConnection().thenReply(RouteCodecTest.VA, RouteCodecTest.VA));
        assertEquals(2, route.links().size());
    }

    @Test
    void kernelErrorsNameTheOperation() throws Exception {
        RouteNetlink route = new RouteNetlink(new ScriptedConnection().thenFail(ScriptedConnection.kernelError(17)));
        NetlinkErrorException error = assertThrows(NetlinkErrorException.class,
                () -> route.addAddress(Address.of(3, InetAddress.getByName("10.0.0.1"), 24)));
        assertEquals("adding address 10.0.0.1/24 to link 3 failed: EEXIST (File exists)", error.getMessage());
        assertEquals(17, error.errno());
        assertTrue(error.getCause() instanceof NetlinkErrorException);
    }

    @Test
    void badLinkNamesAreRefused() {
        RouteNetlink route = new RouteNetlink(new ScriptedConnection());
        assertThrows(IllegalArgumentException.class, () -> route.link(""));
        assertThrows(IllegalArgumentException.class, () -> route.link("a-name-of-16-chr"));
        assertThrows(IllegalArgumentException.class, () -> route.link("a/b"));
    }
}
