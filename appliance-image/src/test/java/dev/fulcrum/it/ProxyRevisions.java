package dev.fulcrum.it;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.reconcile.ConfigurationService;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.status.SubsystemStatus;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/** Applying a proxy configuration in the image and waiting until the proxy subsystem reports it. */
final class ProxyRevisions {

    private ProxyRevisions() {
    }

    /** Applies the proxy configuration as a new revision; the proxy's status once it applied it. */
    static SubsystemStatus apply(BundleContext context, ConfigurationService configuration, ProxyConfig proxy,
            String comment) {
        FrameworkProbe probe = new FrameworkProbe(context);
        // The image's dev.fulcrum.sched registers the registry the proxy waits for.
        Await.until("dev.fulcrum.sched registers a SchedulerRegistry",
                () -> context.getServiceReference(SchedulerRegistry.class));
        Revision revision = configuration.apply(DesiredState.EMPTY.withProxy(proxy), comment);
        return Await.until("the proxy applied revision " + revision.number(), () -> {
            SubsystemStatus now = subsystem(probe);
            return now != null && now.appliedRevision() == revision.number() ? now : null;
        });
    }

    private static SubsystemStatus subsystem(FrameworkProbe probe) {
        try {
            return probe.subsystem("proxy");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one HTTP message head up to its empty line; false at end of stream. */
    static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return true;
    }
}
