package dev.fulcrum.api.model.vrrp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of keepalived.conf(5) {@code virtual_ipaddress} / {@code virtual_ipaddress_excluded}:
 * {@code <IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>] [scope <SCOPE>] [label <LABEL>]}.
 *
 * @param prefixLength 0..32 (IPv4) or 0..128 (IPv6); keepalived's default is the full length
 * @param device       absent: the instance's interface
 */
public record VirtualAddress(InetAddress address, int prefixLength, Optional<InetAddress> broadcast,
        Optional<String> device, Optional<String> scope, Optional<String> label) {

    public VirtualAddress {
        Objects.requireNonNull(address, "address");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefixLength must be 0.." + max + ": " + prefixLength);
        }
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(label, "label");
    }

    /** An address with the full prefix length and nothing else, as {@code 10.0.0.1} alone means. */
    public static VirtualAddress of(InetAddress address) {
        return new VirtualAddress(address, address.getAddress().length * 8, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
