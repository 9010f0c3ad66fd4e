package dev.fulcrum.api.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What this machine lets Fulcrum do, as found by {@link CapabilityProbe#probe()}.
 *
 * <p>Privileges are the effective capabilities of the Fulcrum process
 * ({@code CapEff} in {@code /proc/self/status}; bit numbers from {@code include/uapi/linux/capability.h}).
 *
 * @param root     effective uid 0
 * @param netAdmin CAP_NET_ADMIN (12): IPVS, nftables, addresses, sysctls under net.*
 * @param netRaw   CAP_NET_RAW (13): raw VRRP sockets, gratuitous ARP
 * @param ipvs     the kernel's IP Virtual Server (module ip_vs, built in or loadable)
 * @param nftables nf_tables in the kernel and the {@code nft} program
 */
public record HostCapabilities(boolean root, boolean netAdmin, boolean netRaw, Feature ipvs, Feature nftables) {

    public HostCapabilities {
        Objects.requireNonNull(ipvs, "ipvs");
        Objects.requireNonNull(nftables, "nftables");
    }

    /** One line for status displays: "root, CAP_NET_ADMIN, CAP_NET_RAW; ip_vs: ...; nftables: ...". */
    public String summary() {
        List<String> privileges = new ArrayList<>();
        privileges.add(root ? "root" : "unprivileged");
        if (netAdmin) {
            privileges.add("CAP_NET_ADMIN");
        }
        if (netRaw) {
            privileges.add("CAP_NET_RAW");
        }
        return String.join(", ", privileges)
                + "; ip_vs: " + (ipvs.available() ? "yes" : "no") + " (" + ipvs.detail() + ")"
                + "; nftables: " + (nftables.available() ? "yes" : "no") + " (" + nftables.detail() + ")";
    }
}
