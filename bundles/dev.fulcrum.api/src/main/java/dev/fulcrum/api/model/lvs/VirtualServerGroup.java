package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * keepalived.conf(5) {@code virtual_server_group <NAME> { <IP> [<PORT>]; <IP>-<LAST> [<PORT>];
 * fwmark <INT> }}.
 */
public record VirtualServerGroup(String name, List<Member> members) {

    public VirtualServerGroup {
        Checks.name("name", name);
        members = List.copyOf(members);
    }

    /** One member; implemented by exactly the two records below (sealed by convention). */
    public interface Member {
    }

    /**
     * {@code <IP> [<PORT>]} or {@code <IP>-<LAST> [<PORT>]}: the addresses first..last (last differs
     * from first in the final octet / hextet only); port 0 when not given.
     */
    public record AddressRange(InetAddress first, InetAddress last, int port) implements Member {
        public AddressRange {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Checks.range("port", port, 0, 65535);
        }
    }

    /** {@code fwmark <INT>}. */
    public record Fwmark(long mark) implements Member {
        public Fwmark {
            if (mark < 1 || mark > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("fwmark must be 1..4294967295: " + mark);
            }
        }
    }
}
