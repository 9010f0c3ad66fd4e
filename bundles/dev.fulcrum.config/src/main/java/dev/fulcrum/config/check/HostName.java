package dev.fulcrum.config.check;

/**
 * keepalived's default config id: the host name up to its first dot (keepalived(8) -i). The host
 * name itself comes from the OS door (Sysctl kernel.hostname) or, outside the framework, from the
 * launcher: bundles do not read /proc themselves.
 */
final class HostName {

    private HostName() {
    }

    /** The part before the first dot; a name without a dot is itself. */
    static String configId(String hostName) {
        String name = hostName.strip();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
