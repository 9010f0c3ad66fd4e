package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DirectoriesTest {

    private static final Path HOME = Path.of("/opt/fulcrum");

    @Test
    void defaultsSitNextToTheApplicationDirectory() {
        Directories directories = Directories.resolve(new Properties(), Map.of(), HOME);
        assertEquals(HOME, directories.application());
        assertEquals(Path.of("/opt/fulcrum/etc"), directories.configuration());
        assertEquals(Path.of("/opt/fulcrum-state"), directories.state());
        assertEquals(Path.of("/opt/fulcrum-state/deploy"), directories.deploy());
        assertEquals(Path.of("/opt/fulcrum-state/cache"), directories.cache());
    }

    @Test
    void environmentOverridesDefaultsAndSystemPropertiesOverrideTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("fulcrum.state", "/srv/state");
        Directories directories = Directories.resolve(system,
                Map.of("FULCRUM_CONF", "/etc/fulcrum", "FULCRUM_STATE", "/var/lib/fulcrum"), HOME);
        assertEquals(Path.of("/etc/fulcrum"), directories.configuration());
        assertEquals(Path.of("/srv/state"), directories.state());
    }

    @Test
    void frameworkPropertiesPointAtTheDirectoriesAndKeepOverrides() {
        Directories directories = new Directories(HOME, Path.of("/etc/fulcrum"), Path.of("/var/lib/fulcrum"));
        Properties system = new Properties();
        system.setProperty("felix.fileinstall.poll", "5000");
        system.setProperty("user.home", "/root"); // not a framework property: ignored
        Map<String, String> properties = FrameworkConfiguration.build(directories, system, false);
        assertEquals("/var/lib/fulcrum/cache", properties.get("org.osgi.framework.storage"));
        assertEquals("none", properties.get("org.osgi.framework.storage.clean"));
        assertEquals("/var/lib/fulcrum/deploy", properties.get("fulcrum.deploy.dir"));
        assertEquals("/etc/fulcrum", properties.get("felix.fileinstall.dir"));
        assertEquals("5000", properties.get("felix.fileinstall.poll"));
        assertEquals("--nointeractive --noshutdown", properties.get("gosh.args"));
        assertEquals(null, properties.get("user.home"));
    }
}
