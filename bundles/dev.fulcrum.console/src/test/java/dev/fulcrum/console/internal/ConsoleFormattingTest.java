package dev.fulcrum.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.deploy.DeployedBundle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class ConsoleFormattingTest {

    @Test
    void tablesAlignColumnsAndTrimLineEnds() {
        String table = new TextTable("SUBSYSTEM", "STATE", "REASON")
                .row("host", "ACTIVE", "root")
                .row("deploy", "DEGRADED", "")
                .toString();
        assertEquals("""
                SUBSYSTEM  STATE     REASON
                host       ACTIVE    root
                deploy     DEGRADED
                """, table);
    }

    @Test
    void rowsMustFitTheHeadings() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }

    @Test
    void originsTellImageDeployAndFrameworkApart() {
        Path deployed = Path.of("/var/lib/fulcrum/deploy/greeter-2.jar");
        BundleOrigin origin = new BundleOrigin("file:/usr/share/fulcrum/bundles/", Map.of(
                7L, new DeployedBundle(7, "greeter", "2.0.0", deployed, false),
                3L, new DeployedBundle(3, "dev.fulcrum.os", "2.0.0", deployed, true)));
        assertEquals("framework", origin.of(0, "System Bundle"));
        assertEquals("image", origin.of(2, "file:/usr/share/fulcrum/bundles/dev.fulcrum.api.jar"));
        assertEquals("deploy/greeter-2.jar", origin.of(7, "file:/var/lib/fulcrum/deploy/greeter-1.jar"));
        assertEquals("deploy/greeter-2.jar (replaces image)", origin.of(3, "file:/usr/share/fulcrum/bundles/x.jar"));
        assertEquals("link:classpath:x", origin.of(9, "link:classpath:x"));
    }

    @Test
    void bundleStatesHaveTheirNames() {
        assertEquals("ACTIVE", FulcrumCommands.stateName(Bundle.ACTIVE));
        assertEquals("RESOLVED", FulcrumCommands.stateName(Bundle.RESOLVED));
        assertEquals("INSTALLED", FulcrumCommands.stateName(Bundle.INSTALLED));
    }
}
