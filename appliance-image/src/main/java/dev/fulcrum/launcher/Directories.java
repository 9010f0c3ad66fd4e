package dev.fulcrum.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The three directories the appliance runs with. Each comes from a system property, else an
 * environment variable, else a default next to the application directory, so that the same
 * launcher runs installed (the systemd unit sets /etc/fulcrum and /var/lib/fulcrum) and
 * unprivileged from the build tree.
 *
 * @param application read-only: lib/ (launcher, framework, jvm.options) and bundles/ (the image)
 * @param configuration the admin's configuration: *.cfg files for ConfigAdmin (later keepalived.conf, haproxy.cfg)
 * @param state         writable: cache/ (the persistent bundle cache) and deploy/ (hot deploy)
 */
public record Directories(Path application, Path configuration, Path state) {

    static final String HOME_PROPERTY = "fulcrum.home";
    static final String CONF_PROPERTY = "fulcrum.conf";
    static final String STATE_PROPERTY = "fulcrum.state";
    static final String HOME_VARIABLE = "FULCRUM_HOME";
    static final String CONF_VARIABLE = "FULCRUM_CONF";
    static final String STATE_VARIABLE = "FULCRUM_STATE";

    public Directories {
        application = application.toAbsolutePath().normalize();
        configuration = configuration.toAbsolutePath().normalize();
        state = state.toAbsolutePath().normalize();
    }

    /**
     * @param launcherHome where the launcher jar says the application is (the parent of its lib/)
     */
    public static Directories resolve(Properties system, Map<String, String> environment, Path launcherHome) {
        Path application = pick(system, HOME_PROPERTY, environment, HOME_VARIABLE, launcherHome);
        Path configuration = pick(system, CONF_PROPERTY, environment, CONF_VARIABLE, application.resolve("etc"));
        Path state = pick(system, STATE_PROPERTY, environment, STATE_VARIABLE,
                application.resolveSibling(application.getFileName() + "-state"));
        return new Directories(application, configuration, state);
    }

    private static Path pick(Properties system, String property, Map<String, String> environment, String variable,
                             Path fallback) {
        String value = system.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path bundles() {
        return application.resolve("bundles");
    }

    public Path cache() {
        return state.resolve("cache");
    }

    public Path deploy() {
        return state.resolve("deploy");
    }

    /** Native libraries (JNA, Netty) are unpacked here, not under a noexec /tmp. */
    public Path nativeWork() {
        return state.resolve("native");
    }
}
