package dev.fulcrum.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The framework properties: defaults shipped in the launcher (launcher.properties), then the
 * directories, then any -D override whose name belongs to the framework or a platform bundle.
 */
final class FrameworkConfiguration {

    private static final String[] OVERRIDABLE_PREFIXES = {
        "org.osgi.", "felix.", "org.apache.felix.", "gosh.", "fulcrum.", "ds."
    };

    private FrameworkConfiguration() {
    }

    static Map<String, String> build(Directories directories, Properties system, boolean interactive) {
        Map<String, String> properties = new TreeMap<>();
        Properties defaults = new Properties();
        try (InputStream in = FrameworkConfiguration.class.getResourceAsStream("launcher.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("launcher.properties is missing from the launcher jar", e);
        }
        defaults.stringPropertyNames().forEach(name -> properties.put(name, defaults.getProperty(name)));

        properties.put("org.osgi.framework.storage", directories.cache().toString());
        properties.put("fulcrum.app.dir", directories.application().toString());
        properties.put("fulcrum.conf.dir", directories.configuration().toString());
        properties.put("fulcrum.state.dir", directories.state().toString());
        properties.put("fulcrum.deploy.dir", directories.deploy().toString());
        properties.put("fulcrum.image.bundles", directories.bundles().toString());
        // FileInstall feeds ConfigAdmin from the configuration directory (*.cfg, *.config);
        // bundle jars are the hot deployer's business (dev.fulcrum.deploy), not FileInstall's.
        properties.put("felix.fileinstall.dir", directories.configuration().toString());
        // Without a terminal (systemd, CI) Gogo must not read stdin.
        properties.put("gosh.args", interactive ? "" : "--nointeractive --noshutdown");

        for (String name : system.stringPropertyNames()) {
            for (String prefix : OVERRIDABLE_PREFIXES) {
                if (name.startsWith(prefix)) {
                    properties.put(name, system.getProperty(name));
                    break;
                }
            }
        }
        return properties;
    }
}
