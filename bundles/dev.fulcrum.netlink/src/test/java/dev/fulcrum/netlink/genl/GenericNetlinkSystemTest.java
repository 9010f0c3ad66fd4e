package dev.fulcrum.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Namespace;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkProtocol;
import dev.fulcrum.netlink.internal.JnaNetlinkConnector;
import dev.fulcrum.testing.NetworkNamespace;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * System tier: the generic netlink controller through a real NETLINK_GENERIC socket in a fresh
 * namespace, compared with iproute2's {@code genl ctrl}. This host has no IPVS, so resolving "IPVS"
 * must be a clean "family not found".
 */
@SystemTest
class GenericNetlinkSystemTest {

    private final JnaNetlinkConnector connector = new JnaNetlinkConnector();

    @Test
    void resolvesNlctrlAsGenlCtrlShowsItAndReportsAnAbsentFamilyCleanly() throws Exception {
        String name;
        try (NetworkNamespace namespace = NetworkNamespace.create("genl");
                Connection connection = connector.open(NetlinkProtocol.GENERIC, Namespace.named(namespace.name()))) {
            name = namespace.name();
            GenericNetlink genl = new GenericNetlink(connection);

            Family nlctrl = genl.resolve("nlctrl");
            String genlCtrl = namespace.exec("genl", "ctrl", "get", "name", "nlctrl");
            assertEquals("nlctrl", nlctrl.name());
            assertEquals(GenericNetlink.CONTROLLER_ID, nlctrl.id());
            assertEquals(hex(genlCtrl, "ID: 0x([0-9a-f]+)"), nlctrl.id());
            assertEquals(hex(genlCtrl, "Version: 0x([0-9a-f]+)"), nlctrl.version());
            assertEquals(hex(genlCtrl, "ID-0x([0-9a-f]+)\\s+name: notify"), nlctrl.group("notify").orElseThrow().id());

            FamilyNotFoundException absent = assertThrows(FamilyNotFoundException.class, () -> genl.resolve("IPVS"));
            assertEquals("IPVS", absent.family());
            assertEquals("generic netlink family \"IPVS\" not found (is its kernel module loaded?)", absent.getMessage());

            Set<String> listed = new TreeSet<>();
            genl.families().forEach(f -> listed.add(f.name() + " " + f.id()));
            Set<String> fromGenl = new TreeSet<>();
            Matcher family = Pattern.compile("Name: (\\S+)\\s+ID: 0x([0-9a-f]+)").matcher(namespace.exec("genl", "ctrl", "list"));
            while (family.find()) {
                fromGenl.add(family.group(1) + " " + Integer.parseInt(family.group(2), 16));
            }
            assertEquals(fromGenl, listed);
            assertEquals(0, connection.droppedMessages());
        }
        assertFalse(NetworkNamespace.exists(name), "namespace " + name + " left behind");
    }

    @Test
    void aNamespaceThatDoesNotExistIsAClearError() {
        NetlinkException error = assertThrows(NetlinkException.class,
                () -> connector.open(NetlinkProtocol.GENERIC, Namespace.named("fulcrum-no-such-namespace")));
        assertEquals("netns fulcrum-no-such-namespace: open /var/run/netns/fulcrum-no-such-namespace failed: ENOENT"
                + " (No such file or directory)", error.getMessage());
    }

    @Test
    void theCurrentNamespaceWorksWithoutSetns() throws Exception {
        try (Connection connection = connector.open(NetlinkProtocol.GENERIC)) {
            assertEquals(GenericNetlink.CONTROLLER_ID, new GenericNetlink(connection).resolve("nlctrl").id());
            assertTrue(connection.portId() != 0, "the kernel assigned a port id");
        }
    }

    private static int hex(String text, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IOException("no " + regex + " in:\n" + text);
        }
        return Integer.parseInt(matcher.group(1), 16);
    }
}
