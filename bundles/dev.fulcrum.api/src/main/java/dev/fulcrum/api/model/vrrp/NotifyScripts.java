package dev.fulcrum.api.model.vrrp;

import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code notify_master}, {@code notify_backup}, {@code notify_fault},
 * {@code notify_stop} and {@code notify} ({@code generic}) of a vrrp_instance or vrrp_sync_group: command lines as
 * written (keepalived runs them without a shell).
 */
public record NotifyScripts(Optional<String> master, Optional<String> backup, Optional<String> fault,
        Optional<String> stop, Optional<String> generic) {

    public static final NotifyScripts NONE = new NotifyScripts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public NotifyScripts {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(generic, "generic");
    }
}
