package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.vrrp.VirtualAddress;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the state machine asks its adapter to do, in order. */
public sealed interface Action {

    /** Send an advertisement with this priority (0: resign) and the instance's addresses and interval. */
    record SendAdvert(int priority) implements Action {
    }

    /** Add the virtual addresses to their interfaces. */
    record AddVirtualAddresses(List<VirtualAddress> addresses) implements Action {
        public AddVirtualAddresses {
            addresses = List.copyOf(addresses);
        }
    }

    /** Remove the virtual addresses from their interfaces. */
    record RemoveVirtualAddresses(List<VirtualAddress> addresses) implements Action {
        public RemoveVirtualAddresses {
            addresses = List.copyOf(addresses);
        }
    }

    /** RFC 5798 section 6.4.2: broadcast a gratuitous ARP for each IPv4 address, {@code repeat} times. */
    record SendGratuitousArp(List<InetAddress> addresses, int repeat) implements Action {
        public SendGratuitousArp {
            addresses = List.copyOf(addresses);
        }
    }

    /** RFC 5798 section 6.4.2: an unsolicited Neighbor Advertisement (RFC 4861 section 7.2.6) per IPv6 address. */
    record SendUnsolicitedNa(List<InetAddress> addresses, int repeat) implements Action {
        public SendUnsolicitedNa {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * RFC 5798 section 6.4.3: a master that is not the address owner and has Accept_Mode False must
     * not accept packets addressed to the virtual addresses (keepalived.conf(5) {@code no_accept}).
     */
    record BlockVipTraffic(List<VirtualAddress> addresses) implements Action {
        public BlockVipTraffic {
            addresses = List.copyOf(addresses);
        }
    }

    /** Lift {@link BlockVipTraffic} when leaving MASTER. */
    record UnblockVipTraffic(List<VirtualAddress> addresses) implements Action {
        public UnblockVipTraffic {
            addresses = List.copyOf(addresses);
        }
    }

    /** Start (or restart) the timer to fire at {@code at}; one timer per kind. */
    record StartTimer(TimerKind kind, Instant at) implements Action {
        public StartTimer {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    record CancelTimer(TimerKind kind) implements Action {
        public CancelTimer {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The instance changed state: run keepalived.conf(5) {@code notify_master} / {@code notify_backup} / ... */
    record StateChanged(VrrpState from, VrrpState to, String reason) implements Action {
        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A line for the log, prefixed with the instance's name as keepalived does. */
    record Log(String message) implements Action {
        public Log {
            Objects.requireNonNull(message, "message");
        }
    }
}
