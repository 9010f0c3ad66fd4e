package dev.fulcrum.api.os;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kernel parameters under {@code /proc/sys}, named as sysctl(8) names them: dots separate the
 * levels and a slash stands for a dot inside one level ({@code net.ipv4.conf.eth0/100.rp_filter}).
 */
@ProviderType
public interface Sysctl {

    /** The current value, trimmed. */
    String read(String key) throws IOException;

    /** Sets the value (needs CAP_NET_ADMIN for net.*). */
    void write(String key, String value) throws IOException;
}
