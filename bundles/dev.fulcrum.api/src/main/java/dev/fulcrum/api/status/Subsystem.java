package dev.fulcrum.api.status;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Published as an OSGi service by every functional bundle. Readers (console, REST, launcher)
 * call {@link #status()} whenever they need it; an implementation returns its current view and
 * never blocks on the network or the kernel.
 */
@ConsumerType
public interface Subsystem {

    /** Service property carrying {@link SubsystemStatus#name()}, so readers can filter by name. */
    String NAME_PROPERTY = "fulcrum.subsystem";

    SubsystemStatus status();
}
