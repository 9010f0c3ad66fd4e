package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.vrrp.packet.Advertisement;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/** What happens to a VRRP instance; each event carries the time it happened (the machine never reads a clock). */
public sealed interface Event {

    Instant at();

    /** RFC 5798 section 6.4.1: the instance starts. */
    record Startup(Instant at) implements Event {
        public Startup {
            Objects.requireNonNull(at, "at");
        }
    }

    /** RFC 5798 sections 6.4.2 and 6.4.3: the instance stops (a master resigns with priority 0). */
    record Shutdown(Instant at) implements Event {
        public Shutdown {
            Objects.requireNonNull(at, "at");
        }
    }

    /** An advertisement that passed receive validation (dev.fulcrum.vrrp.packet.ReceiveValidator). */
    record AdvertReceived(Instant at, InetAddress source, Advertisement advert) implements Event {
        public AdvertReceived {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(advert, "advert");
        }
    }

    /** A timer the machine started has expired (a stale or cancelled one is ignored). */
    record TimerFired(Instant at, TimerKind kind) implements Event {
        public TimerFired {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** keepalived.conf(5) {@code track_interface} / {@code track_script} (weight 0): {@code source} went down. */
    record FaultRaised(Instant at, String source) implements Event {
        public FaultRaised {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The fault named {@code source} is over. */
    record FaultCleared(Instant at, String source) implements Event {
        public FaultCleared {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Tracking with weights changed the effective priority (base priority plus weights). */
    record PriorityChanged(Instant at, int priority) implements Event {
        public PriorityChanged {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * keepalived.conf(5) {@code vrrp_sync_group}: another member of the group became {@code target}
     * (MASTER or BACKUP) and this instance follows at once: a backup takes over without waiting for
     * its master down timer, a master steps down without resigning.
     */
    record Follow(Instant at, VrrpState target, String reason) implements Event {
        public Follow {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
