package dev.fulcrum.config.check;

import dev.fulcrum.api.os.Sysctl;
import java.io.IOException;

/**
 * keepalived's default config id: the host name up to its first dot (keepalived(8) -i). The host
 * name itself comes from the OS door (Sysctl kernel.hostname) or, outside the framework, from the
 * launcher: bundles do not read /proc themselves.
 */
public final class HostName {

    private HostName() {
    }

    /** The config id of the running host, through the OS door. */
    public static String configId(Sysctl sysctl) {
        try {
            return configId(sysctl.read("kernel.hostname"));
        } catch (IOException e) {
            return "localhost"; // no /proc (a container without it): keepalived would fall back alike
        }
    }

    /** The part before the first dot; a name without a dot is itself. */
    public static String configId(String hostName) {
        String name = hostName.strip();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
