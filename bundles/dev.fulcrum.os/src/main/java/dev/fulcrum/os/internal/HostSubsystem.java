package dev.fulcrum.os.internal;

import dev.fulcrum.api.host.CapabilityProbe;
import dev.fulcrum.api.host.HostCapabilities;
import dev.fulcrum.api.status.Subsystem;
import dev.fulcrum.api.status.SubsystemStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The "host" subsystem: what the machine lets Fulcrum do, probed once at activation. Privileges
 * and kernel features do not change while the JVM runs (capabilities only shrink, and modules
 * that appear later are loaded by the subsystems that need them), so one probe is enough.
 */
@Component(service = Subsystem.class, immediate = true,
        property = Subsystem.NAME_PROPERTY + "=" + HostSubsystem.NAME)
public final class HostSubsystem implements Subsystem {

    static final String NAME = "host";

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final HostCapabilities capabilities;
    private final SubsystemStatus status;

    /** Probes now; DS calls it at activation, other wiring may call it directly. */
    @Activate
    public HostSubsystem(@Reference(name = "probe") CapabilityProbe probe) {
        this(probe.probe());
    }

    /** For callers that probed already. */
    public HostSubsystem(HostCapabilities capabilities) {
        this.capabilities = capabilities;
        this.status = statusOf(capabilities);
    }

    /** Logs the probe result once DS has injected the logger (it is not there during construction). */
    @Activate
    void activated() {
        Logging.info(log, "host: {} - {}", status.state(), status.reason());
    }

    @Override
    public SubsystemStatus status() {
        return status;
    }

    /** What the probe found at activation. */
    public HostCapabilities capabilities() {
        return capabilities;
    }

    static SubsystemStatus statusOf(HostCapabilities capabilities) {
        if (capabilities.netAdmin()) {
            return SubsystemStatus.active(NAME, capabilities.summary());
        }
        if (capabilities.root()) {
            // uid 0 without CAP_NET_ADMIN: a container with a reduced capability set
            return SubsystemStatus.degraded(NAME, "root without CAP_NET_ADMIN: network subsystems will report INACTIVE; "
                    + capabilities.summary());
        }
        return SubsystemStatus.degraded(NAME, "network subsystems will report INACTIVE; "
                + capabilities.summary());
    }
}
