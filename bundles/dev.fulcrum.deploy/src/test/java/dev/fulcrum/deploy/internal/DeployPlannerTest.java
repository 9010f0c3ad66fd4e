package dev.fulcrum.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.deploy.internal.DeployAction.Forget;
import dev.fulcrum.deploy.internal.DeployAction.Install;
import dev.fulcrum.deploy.internal.DeployAction.Revert;
import dev.fulcrum.deploy.internal.DeployAction.Skip;
import dev.fulcrum.deploy.internal.DeployAction.Uninstall;
import dev.fulcrum.deploy.internal.DeployAction.Update;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class DeployPlannerTest {

    private static final Path DIR = Path.of("/var/lib/fulcrum/deploy");
    private final DeployPlanner planner = new DeployPlanner();

    private static JarInfo jar(String file, String name, String version, long checksum) {
        return new JarInfo(DIR.resolve(file), name, Version.parseVersion(version), checksum);
    }

    private static InstalledBundle deployed(long id, String name, String version) {
        return new InstalledBundle(id, name, Version.parseVersion(version), true);
    }

    private static InstalledBundle image(long id, String name, String version) {
        return new InstalledBundle(id, name, Version.parseVersion(version), false);
    }

    /** Plans with no pending jar. */
    private List<DeployAction> plan(List<JarInfo> jars, List<InstalledBundle> installed, List<DeployRecord> records) {
        return planner.plan(jars, installed, records, Set.of());
    }

    @Test
    void aNewNameIsInstalled() {
        JarInfo greeter = jar("greeter-1.jar", "greeter", "1.0.0", 11);
        assertEquals(List.of(new Install(greeter)), plan(List.of(greeter), List.of(), List.of()));
    }

    @Test
    void anUnchangedDirectoryNeedsNothing() {
        JarInfo greeter = jar("greeter-1.jar", "greeter", "1.0.0", 11);
        assertEquals(List.of(), plan(List.of(greeter), List.of(deployed(7, "greeter", "1.0.0")),
                List.of(new DeployRecord(7, greeter.file(), 11))));
    }

    @Test
    void aHigherVersionBesideTheOldJarUpdatesTheBundleInPlaceAndTheOldJarIsIgnored() {
        JarInfo v1 = jar("greeter-1.jar", "greeter", "1.0.0", 11);
        JarInfo v2 = jar("greeter-2.jar", "greeter", "2.0.0", 22);
        List<DeployAction> plan = plan(List.of(v1, v2), List.of(deployed(7, "greeter", "1.0.0")),
                List.of(new DeployRecord(7, v1.file(), 11)));
        assertEquals(new Update(7, v2), plan.get(0));
        assertTrue(plan.get(1) instanceof Skip skip && skip.jar().equals(v1) && skip.reason().contains("superseded"),
                plan.toString());
        assertEquals(2, plan.size());
    }

    @Test
    void aRewrittenJarUpdatesItsBundle() {
        JarInfo rebuilt = jar("greeter.jar", "greeter", "1.0.0", 99);
        assertEquals(List.of(new Update(7, rebuilt)), plan(List.of(rebuilt),
                List.of(deployed(7, "greeter", "1.0.0")), List.of(new DeployRecord(7, rebuilt.file(), 11))));
    }

    @Test
    void aRemovedJarUninstallsItsBundle() {
        assertEquals(List.of(new Uninstall(7)), plan(List.of(), List.of(deployed(7, "greeter", "1.0.0")),
                List.of(new DeployRecord(7, DIR.resolve("greeter-1.jar"), 11))));
    }

    @Test
    void aHigherVersionOfAnImageBundleUpgradesItInPlaceAndItsRemovalReverts() {
        JarInfo newer = jar("os-2.jar", "dev.fulcrum.os", "2.0.0", 5);
        InstalledBundle os = image(3, "dev.fulcrum.os", "0.1.0");
        assertEquals(List.of(new Update(3, newer)), plan(List.of(newer), List.of(os), List.of()));
        assertEquals(List.of(new Revert(3)), plan(List.of(), List.of(image(3, "dev.fulcrum.os", "2.0.0")),
                List.of(new DeployRecord(3, newer.file(), 5))));
    }

    @Test
    void anOlderOrEqualVersionOfAnImageBundleIsIgnored() {
        JarInfo older = jar("os-0.jar", "dev.fulcrum.os", "0.1.0", 5);
        List<DeployAction> plan = plan(List.of(older), List.of(image(3, "dev.fulcrum.os", "0.1.0")), List.of());
        assertEquals(1, plan.size());
        assertTrue(plan.get(0) instanceof Skip skip && skip.reason().contains("not higher"), plan.toString());
    }

    @Test
    void recordsOfVanishedBundlesAreForgotten() {
        assertEquals(List.of(new Forget(9)), plan(List.of(), List.of(),
                List.of(new DeployRecord(9, DIR.resolve("x.jar"), 1))));
    }

    @Test
    void removalsComeBeforeInstallsWhenAFileChangesItsBundle() {
        JarInfo other = jar("greeter.jar", "other", "1.0.0", 42);
        List<DeployAction> plan = plan(List.of(other), List.of(deployed(7, "greeter", "1.0.0")),
                List.of(new DeployRecord(7, other.file(), 11)));
        assertEquals(List.of(new Uninstall(7), new Install(other)), plan);
    }

    @Test
    void aBundleWhoseJarIsStillPendingIsLeftAlone() {
        Path jar = DIR.resolve("greeter-1.jar");
        assertEquals(List.of(), planner.plan(List.of(), List.of(deployed(7, "greeter", "1.0.0")),
                List.of(new DeployRecord(7, jar, 11)), Set.of(jar)));
    }
}
