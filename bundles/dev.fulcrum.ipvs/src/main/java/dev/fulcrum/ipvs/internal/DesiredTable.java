package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsForwarding;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsText;
import dev.fulcrum.ipvs.IpvsTunnel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPVS table a configuration asks for, given the real servers' health and the quorum
 * (keepalived.conf(5) LVS CONFIGURATION):
 * <ul>
 * <li>a live real server is a destination with its {@code weight}, or the weight its {@code misc_dynamic}
 * MISC_CHECK asked for ({@link RealServerHealth#weight}); a dead one is absent, or present with weight 0
 * under {@code inhibit_on_failure};</li>
 * <li>while the quorum is lost and a {@code sorry_server} is set, the sorry server (weight 1) replaces
 * the real servers; otherwise the sorry server is absent, or at weight 0 with {@code sorry_server_inhibit};</li>
 * <li>{@code virtual_server group} expands to one service per member address (ranges over the last
 * octet or hextet) and fwmark.</li>
 * </ul>
 * An instance remembers each virtual server's services from its previous {@link #next} call: a
 * virtual server that asks for the same services as the previous one with its key (the same object,
 * or an equal one in the settings {@link TableInputs} compares, as a revision parsed anew brings),
 * with the same health verdicts, live weights and quorum state and the same groups, gets the very same
 * {@link DesiredService} objects, which {@link TablePlan} skips by identity. The previous one is
 * looked for at the same place, or one place further or back (a virtual server removed or inserted
 * before it), which costs no hashing. Apart from that memory and the quorum tracker it updates, pure.
 * Bad input throws IllegalArgumentException.
 */
final class DesiredTable {

    /** IPv4 ranges differ in the last octet (256 addresses at most), IPv6 in the last hextet. */
    private static final int MAX_RANGE = 65536;
    /** Where the previous virtual server with the same key is looked for, relative to the expected place. */
    private static final int[] NEARBY = {0, 1, -1};

    /**
     * One virtual server's services and what they were built from: {@code up} has a bit per live real
     * server, {@code weights} the weight of each live one (0 for the others).
     */
    private record Part(VirtualServer virtualServer, BitSet up, int[] weights, boolean sorryInUse,
            List<DesiredService> services) {

        boolean builtFrom(VirtualServer other, BitSet otherUp, int[] otherWeights, boolean otherSorryInUse) {
            return sorryInUse == otherSorryInUse && up.equals(otherUp) && Arrays.equals(weights, otherWeights)
                    && (virtualServer == other || TableInputs.same(virtualServer, other));
        }

        /** This part for {@code other}, which asks for the same services: kept for the identity check next time. */
        Part forVirtualServer(VirtualServer other) {
            return virtualServer == other ? this : new Part(other, up, weights, sorryInUse, services);
        }
    }

    private List<VirtualServerGroup> lastGroups = List.of();
    private List<Part> lastParts = List.of();

    /** The table, built without memory of a previous one. */
    static Map<IpvsKey, DesiredService> build(LvsConfig config, RealServerHealth health, QuorumTracker quorum) {
        return new DesiredTable().next(config, health, quorum);
    }

    /**
     * The table; virtual servers unchanged since the previous call keep their DesiredService objects.
     * The loop only calls methods: a method is compiled after a few hundred calls, a loop's own body
     * only after tens of thousands of iterations, so a first revision of 10,000 virtual servers on a
     * fresh JVM would otherwise run it interpreted.
     */
    Map<IpvsKey, DesiredService> next(LvsConfig config, RealServerHealth health, QuorumTracker quorum) {
        boolean sameGroups = config.groups().equals(lastGroups);
        List<VirtualServer> virtualServers = config.virtualServers();
        List<Part> parts = new ArrayList<>(virtualServers.size());
        Map<IpvsKey, DesiredService> table = new LinkedHashMap<>();
        int shift = 0; // how far the previous list's places are off from this one's, so far
        for (int i = 0; i < virtualServers.size(); i++) {
            VirtualServer virtualServer = virtualServers.get(i);
            int place = sameGroups ? previousPlace(virtualServer, i + shift) : -1;
            if (place >= 0) {
                shift = place - i;
            }
            Part part = part(virtualServer, place >= 0 ? lastParts.get(place) : null, config.groups(), health, quorum);
            addTo(table, part);
            parts.add(part);
        }
        lastParts = parts;
        lastGroups = config.groups();
        return table;
    }

    /** Where the previous call had a virtual server with this one's key: at {@code expected}, or next to it; or -1. */
    private int previousPlace(VirtualServer virtualServer, int expected) {
        for (int step : NEARBY) {
            int place = expected + step;
            if (place >= 0 && place < lastParts.size()
                    && TableInputs.sameKey(lastParts.get(place).virtualServer().key(), virtualServer.key())) {
                return place;
            }
        }
        return -1;
    }

    /** The virtual server's services: {@code previous}'s when they were built from the same inputs. */
    private static Part part(VirtualServer virtualServer, Part previous, List<VirtualServerGroup> groups,
            RealServerHealth health, QuorumTracker quorum) {
        BitSet up = new BitSet();
        int[] weights = new int[virtualServer.realServers().size()];
        long liveWeight = 0;
        for (int r = 0; r < weights.length; r++) {
            RealServer realServer = virtualServer.realServers().get(r);
            if (health.isUp(virtualServer, realServer)) {
                up.set(r);
                // keepalived counts a dynamic weight towards the quorum too (check/ipwrapper.c update_svr_wgt)
                weights[r] = health.weight(virtualServer, realServer);
                liveWeight += weights[r];
            }
        }
        boolean sorryInUse = !quorum.update(virtualServer, liveWeight) && virtualServer.sorryServer().isPresent();
        return previous != null && previous.builtFrom(virtualServer, up, weights, sorryInUse)
                ? previous.forVirtualServer(virtualServer)
                : new Part(virtualServer, up, weights, sorryInUse, services(virtualServer, groups, up, weights, sorryInUse));
    }

    private static void addTo(Map<IpvsKey, DesiredService> table, Part part) {
        for (DesiredService service : part.services()) {
            if (table.putIfAbsent(service.service().key(), service) != null) {
                throw new IllegalArgumentException("two virtual servers define the IPVS service "
                        + IpvsText.key(service.service().key()));
            }
        }
    }

    private static List<DesiredService> services(VirtualServer virtualServer, List<VirtualServerGroup> groups, BitSet up,
            int[] weights, boolean sorryInUse) {
        List<DesiredService> services = new ArrayList<>();
        for (IpvsKey key : keys(virtualServer, groups)) {
            int servicePort = key instanceof IpvsKey.Address address ? address.port() : 0;
            services.add(new DesiredService(service(virtualServer, key), destinations(virtualServer, up, weights, sorryInUse, servicePort)));
        }
        return services;
    }

    private static List<IpvsDestination> destinations(VirtualServer vs, BitSet up, int[] weights, boolean sorryInUse,
            int servicePort) {
        List<IpvsDestination> destinations = new ArrayList<>();
        for (int r = 0; r < vs.realServers().size(); r++) {
            RealServer realServer = vs.realServers().get(r);
            // A real server's own lvs_method brings its own tunnel type; otherwise the virtual server's applies.
            Optional<Tunnel> tunnel = realServer.forwarding().isPresent() ? realServer.tunnel() : vs.tunnel();
            IpvsDestination destination = destination(realServer.address(), realServer.port(),
                    realServer.forwarding().orElse(vs.forwarding()), tunnel, weights[r],
                    realServer.upperThreshold(), realServer.lowerThreshold());
            if (up.get(r) && !sorryInUse) {
                destinations.add(destination);
            } else if (realServer.inhibitOnFailure() || vs.inhibitOnFailure()) {
                destinations.add(destination.withWeight(0));
            }
        }
        if (vs.sorryServer().isPresent() && (sorryInUse || vs.sorryServerInhibit())) {
            // sorry_server with port 0 takes the service's port (keepalived.conf(5)).
            Endpoint sorry = vs.sorryServer().get();
            destinations.add(destination(sorry.address(), sorry.port() == 0 ? servicePort : sorry.port(),
                    vs.forwarding(), vs.tunnel(), sorryInUse ? 1 : 0, 0, 0));
        }
        return destinations;
    }

    private static IpvsDestination destination(InetAddress address, int port, ForwardingMethod method,
            Optional<Tunnel> tunnel, int weight, long upper, long lower) {
        IpvsForwarding forwarding = switch (method) {
            case NAT -> IpvsForwarding.MASQ;
            case DR -> IpvsForwarding.ROUTE;
            case TUN -> IpvsForwarding.TUNNEL;
        };
        IpvsDestination plain = IpvsDestination.of(address, port, forwarding, weight);
        Optional<IpvsTunnel> encapsulation = method == ForwardingMethod.TUN ? Optional.of(tunnel(tunnel.orElse(Tunnel.IPIP)))
                : Optional.empty();
        return new IpvsDestination(address, port, forwarding, weight, upper, lower, encapsulation,
                plain.connections(), plain.stats());
    }

    /** keepalived.conf(5) lvs_method TUN type ... as ip_vs.h IPVS_DEST_ATTR_TUN_TYPE, TUN_PORT, TUN_FLAGS. */
    static IpvsTunnel tunnel(Tunnel tunnel) {
        IpvsTunnel.Type type = switch (tunnel.type()) {
            case IPIP -> IpvsTunnel.Type.IPIP;
            case GUE -> IpvsTunnel.Type.GUE;
            case GRE -> IpvsTunnel.Type.GRE;
        };
        int flags = switch (tunnel.checksum()) {
            case NOCSUM -> 0; // IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM
            case CSUM -> IpvsTunnel.FLAG_CSUM;
            case REMCSUM -> IpvsTunnel.FLAG_REMCSUM;
        };
        return new IpvsTunnel(type, tunnel.port(), flags);
    }

    private static IpvsService service(VirtualServer vs, IpvsKey key) {
        int flags = 0;
        if (vs.persistence().isPresent()) {
            flags |= IpvsGenl.SVC_F_PERSISTENT;
        }
        if (vs.ops()) {
            flags |= IpvsGenl.SVC_F_ONEPACKET;
        }
        flags |= (vs.flags().flag1() ? IpvsGenl.SVC_F_SCHED1 : 0) | (vs.flags().flag2() ? IpvsGenl.SVC_F_SCHED2 : 0)
                | (vs.flags().flag3() ? IpvsGenl.SVC_F_SCHED3 : 0);
        long timeout = vs.persistence().map(p -> p.timeout().toSeconds()).orElse(0L);
        long netmask = vs.persistence().flatMap(p -> p.granularity()).map(mask -> netmask(key, mask))
                .orElse(IpvsService.fullNetmask(key));
        return new IpvsService(key, vs.scheduler().ipvsName(), flags, timeout, netmask, Optional.empty(), Optional.empty());
    }

    /** persistence_granularity: an IPv4 mask as a 32-bit number, an IPv6 mask as its prefix length. */
    private static long netmask(IpvsKey key, InetAddress mask) {
        if ((mask instanceof Inet6Address) != key.ipv6()) {
            throw new IllegalArgumentException("persistence_granularity " + mask.getHostAddress()
                    + " is not of the address family of " + IpvsText.key(key));
        }
        byte[] bytes = mask.getAddress();
        if (!key.ipv6()) {
            return Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(bytes).getInt());
        }
        int prefix = 0;
        for (byte b : bytes) {
            prefix += Integer.bitCount(b & 0xFF);
        }
        return prefix;
    }

    private static List<IpvsKey> keys(VirtualServer vs, List<VirtualServerGroup> groups) {
        ServiceKey key = vs.key();
        if (key instanceof ServiceKey.Address address) {
            return List.of(new IpvsKey.Address(vs.protocol(), address.address(), address.port()));
        }
        if (key instanceof ServiceKey.Fwmark fwmark) {
            return List.of(new IpvsKey.Fwmark(fwmark.mark(), ipv6RealServers(vs)));
        }
        String name = ((ServiceKey.Group) key).name();
        VirtualServerGroup group = groups.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("virtual_server group " + name + " is not defined"));
        List<IpvsKey> keys = new ArrayList<>();
        for (VirtualServerGroup.Member member : group.members()) {
            if (member instanceof VirtualServerGroup.Fwmark fwmark) {
                keys.add(new IpvsKey.Fwmark(fwmark.mark(), ipv6RealServers(vs)));
            } else {
                VirtualServerGroup.AddressRange range = (VirtualServerGroup.AddressRange) member;
                for (InetAddress address : expand(range.first(), range.last())) {
                    keys.add(new IpvsKey.Address(vs.protocol(), address, range.port()));
                }
            }
        }
        return keys;
    }

    /** A fwmark service's family follows its real servers (keepalived derives it the same way). */
    private static boolean ipv6RealServers(VirtualServer vs) {
        return !vs.realServers().isEmpty() && vs.realServers().get(0).address() instanceof Inet6Address;
    }

    /** first..last, differing only in the last octet (IPv4) or hextet (IPv6). */
    static List<InetAddress> expand(InetAddress first, InetAddress last) {
        byte[] from = first.getAddress();
        byte[] to = last.getAddress();
        int tail = from.length == 4 ? 1 : 2;
        if (from.length != to.length || !java.util.Arrays.equals(from, 0, from.length - tail, to, 0, to.length - tail)) {
            throw new IllegalArgumentException("address range " + first.getHostAddress() + "-" + last.getHostAddress()
                    + " must differ in the last " + (tail == 1 ? "octet" : "hextet") + " only");
        }
        int start = lastPart(from, tail);
        int end = lastPart(to, tail);
        if (end < start || end - start >= MAX_RANGE) {
            throw new IllegalArgumentException("address range " + first.getHostAddress() + "-" + last.getHostAddress()
                    + " ends before it starts");
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (int value = start; value <= end; value++) {
            byte[] next = from.clone();
            if (tail == 2) {
                next[next.length - 2] = (byte) (value >> 8);
            }
            next[next.length - 1] = (byte) value;
            try {
                addresses.add(InetAddress.getByAddress(next));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
            }
        }
        return addresses;
    }

    private static int lastPart(byte[] address, int tail) {
        int value = address[address.length - 1] & 0xFF;
        return tail == 2 ? value | (address[address.length - 2] & 0xFF) << 8 : value;
    }
}
