package dev.fulcrum.api.proxy;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The proxy's counters as HAProxy's runtime API shows them with {@code show stat}
 * (management.txt 9.3): published by the proxy subsystem, read by the REST API and the console.
 * Counters of a frontend, backend or server survive configuration revisions as long as its name
 * stays.
 */
@ProviderType
public interface ProxyStats {

    /**
     * The rows of the running revision in HAProxy's order: each proxy in configuration order, a
     * frontend's FRONTEND row, then a backend's servers and its BACKEND row. Never blocks on I/O.
     */
    List<StatRow> rows();
}
