package dev.fulcrum.vrrp.packet;

import java.util.List;
import java.util.Objects;

/** What becomes of a received VRRP payload: accepted as an advertisement, or dropped with a reason. */
public sealed interface ReceiveResult {

    /**
     * @param notices things worth a log line that do not drop the packet, e.g. a VRRPv3 advert
     *                interval other than ours (keepalived logs it and follows the master)
     */
    record Accepted(IpEnvelope envelope, Advertisement advert, List<String> notices) implements ReceiveResult {
        public Accepted {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(advert, "advert");
            notices = List.copyOf(notices);
        }
    }

    /** @param detail what was wrong, with the values seen and expected, for the log */
    record Drop(DropReason reason, String detail) implements ReceiveResult {
        public Drop {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }
}
