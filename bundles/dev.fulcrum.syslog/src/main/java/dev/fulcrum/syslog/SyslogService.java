package dev.fulcrum.syslog;

import dev.fulcrum.api.model.proxy.LogTarget;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The OSGi service the proxy asks for sinks. It stamps lines with the system clock and time zone,
 * keeps track of the sinks it gave out (for the "syslog" subsystem status) and closes those still
 * open when the bundle stops.
 */
@ProviderType
public interface SyslogService {

    /** @see SyslogSinks#open(LogTarget, SyslogOptions) */
    SyslogSink open(LogTarget target, SyslogOptions options) throws IOException;
}
