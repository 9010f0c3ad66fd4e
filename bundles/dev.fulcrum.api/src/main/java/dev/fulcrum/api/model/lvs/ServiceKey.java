package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What a virtual_server is keyed by (keepalived.conf(5)): {@code virtual_server IP PORT},
 * {@code virtual_server fwmark N} or {@code virtual_server group NAME}. Implemented by exactly the
 * three records below (sealed by convention).
 */
public interface ServiceKey {

    /** As keepalived.conf writes it after {@code virtual_server}: "10.0.0.1 80", "fwmark 7", "group web". */
    default String text() {
        if (this instanceof Address address) {
            return address.address().getHostAddress() + " " + address.port();
        }
        return this instanceof Fwmark mark ? "fwmark " + mark.mark() : "group " + ((Group) this).name();
    }

    /** {@code virtual_server <IP> <PORT>}; port 0 only with persistence (all ports). */
    record Address(InetAddress address, int port) implements ServiceKey {
        public Address {
            Objects.requireNonNull(address, "address");
            Checks.range("port", port, 0, 65535);
        }
    }

    /** {@code virtual_server fwmark <INT>}. */
    record Fwmark(long mark) implements ServiceKey {
        public Fwmark {
            if (mark < 1 || mark > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("fwmark must be 1..4294967295: " + mark);
            }
        }
    }

    /** {@code virtual_server group <NAME>}: the members of a virtual_server_group. */
    record Group(String name) implements ServiceKey {
        public Group {
            Checks.name("name", name);
        }
    }
}
