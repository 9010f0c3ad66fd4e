package dev.fulcrum.ipvs;

import static dev.fulcrum.ipvs.IpvsGenl.*;

import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes the IPVS requests (include/uapi/linux/ip_vs.h, generic netlink family "IPVS" whose id the
 * caller resolved). Pure: no I/O. Replies are decoded by {@link IpvsReplies}.
 *
 * <p>Addresses go out as the kernel's {@code union nf_inet_addr} (16 bytes, an IPv4 address in the
 * first 4) and ports in network byte order, exactly as ipvsadm (libipvs) sends them.
 */
public final class IpvsCodec {

    /** sizeof(union nf_inet_addr). */
    static final int ADDRESS_SIZE = 16;

    private final int familyId;

    public IpvsCodec(int familyId) {
        if (familyId < 0x10 || familyId > 0xFFFF) {
            throw new IllegalArgumentException("not a generic netlink family id: " + familyId);
        }
        this.familyId = familyId;
    }

    /** IPVS_CMD_NEW_SERVICE with the full service (the kernel requires scheduler, flags, timeout, netmask). */
    public NetlinkMessage newService(IpvsService service) {
        return request(CMD_NEW_SERVICE, new AttributeEncoder().nested(CMD_ATTR_SERVICE, a -> fullService(a, service)));
    }

    /** IPVS_CMD_SET_SERVICE: edits scheduler, flags, timeout, netmask, persistence engine in place. */
    public NetlinkMessage setService(IpvsService service) {
        return request(CMD_SET_SERVICE, new AttributeEncoder().nested(CMD_ATTR_SERVICE, a -> fullService(a, service)));
    }

    /** IPVS_CMD_DEL_SERVICE: removes the service and its destinations. */
    public NetlinkMessage deleteService(IpvsKey key) {
        return request(CMD_DEL_SERVICE, serviceKey(key));
    }

    /** IPVS_CMD_GET_SERVICE, to be sent as a dump: every service. */
    public NetlinkMessage getServices() {
        return request(CMD_GET_SERVICE, new AttributeEncoder());
    }

    /** IPVS_CMD_GET_DEST, to be sent as a dump: the destinations of one service. */
    public NetlinkMessage getDestinations(IpvsKey key) {
        return request(CMD_GET_DEST, serviceKey(key));
    }

    public NetlinkMessage newDestination(IpvsKey key, IpvsDestination destination) {
        return request(CMD_NEW_DEST, destinationRequest(key, destination, true));
    }

    /** IPVS_CMD_SET_DEST: edits forwarding, weight, thresholds and tunnel settings in place. */
    public NetlinkMessage setDestination(IpvsKey key, IpvsDestination destination) {
        return request(CMD_SET_DEST, destinationRequest(key, destination, true));
    }

    public NetlinkMessage deleteDestination(IpvsKey key, IpvsDestination destination) {
        return request(CMD_DEL_DEST, destinationRequest(key, destination, false));
    }

    /** IPVS_CMD_NEW_DAEMON: starts a master or backup sync daemon. */
    public NetlinkMessage newDaemon(SyncDaemon daemon) {
        return request(CMD_NEW_DAEMON, new AttributeEncoder().nested(CMD_ATTR_DAEMON, a -> {
            a.u32(DAEMON_ATTR_STATE, daemon.role().state());
            a.string(DAEMON_ATTR_MCAST_IFN, daemon.interfaceName());
            a.u32(DAEMON_ATTR_SYNC_ID, daemon.syncId());
            if (daemon.maxlen() != 0) {
                a.u16(DAEMON_ATTR_SYNC_MAXLEN, daemon.maxlen());
            }
            daemon.group().ifPresent(g -> a.address(g instanceof Inet6Address ? DAEMON_ATTR_MCAST_GROUP6
                    : DAEMON_ATTR_MCAST_GROUP, g));
            if (daemon.port() != 0) {
                a.u16(DAEMON_ATTR_MCAST_PORT, daemon.port());
            }
            if (daemon.ttl() != 0) {
                a.u8(DAEMON_ATTR_MCAST_TTL, daemon.ttl());
            }
        }));
    }

    /** IPVS_CMD_DEL_DAEMON: stops the daemon of that role (the kernel needs only the state). */
    public NetlinkMessage deleteDaemon(SyncDaemon.Role role) {
        return request(CMD_DEL_DAEMON, new AttributeEncoder().nested(CMD_ATTR_DAEMON,
                a -> a.u32(DAEMON_ATTR_STATE, role.state())));
    }

    /** IPVS_CMD_GET_DAEMON, to be sent as a dump. */
    public NetlinkMessage getDaemons() {
        return request(CMD_GET_DAEMON, new AttributeEncoder());
    }

    /** IPVS_CMD_SET_CONFIG: the connection timeouts; 0 leaves one unchanged. */
    public NetlinkMessage setTimeouts(IpvsTimeouts timeouts) {
        AttributeEncoder attributes = new AttributeEncoder();
        if (timeouts.tcp() != 0) {
            attributes.u32(CMD_ATTR_TIMEOUT_TCP, timeouts.tcp());
        }
        if (timeouts.tcpFin() != 0) {
            attributes.u32(CMD_ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin());
        }
        if (timeouts.udp() != 0) {
            attributes.u32(CMD_ATTR_TIMEOUT_UDP, timeouts.udp());
        }
        return request(CMD_SET_CONFIG, attributes);
    }

    public NetlinkMessage getTimeouts() {
        return request(CMD_GET_CONFIG, new AttributeEncoder());
    }

    public NetlinkMessage getInfo() {
        return request(CMD_GET_INFO, new AttributeEncoder());
    }

    /** IPVS_CMD_ZERO: the counters of one service, or of all when {@code key} is empty. */
    public NetlinkMessage zero(Optional<IpvsKey> key) {
        return request(CMD_ZERO, key.map(IpvsCodec::serviceKey).orElseGet(AttributeEncoder::new));
    }

    /** IPVS_CMD_FLUSH: removes every service. */
    public NetlinkMessage flush() {
        return request(CMD_FLUSH, new AttributeEncoder());
    }

    private NetlinkMessage request(int command, AttributeEncoder attributes) {
        return GenericMessage.request(familyId, command, VERSION, attributes);
    }

    private static AttributeEncoder serviceKey(IpvsKey key) {
        return new AttributeEncoder().nested(CMD_ATTR_SERVICE, a -> keyAttributes(a, key));
    }

    private static void keyAttributes(AttributeEncoder a, IpvsKey key) {
        a.u16(SVC_ATTR_AF, key.family());
        if (key instanceof IpvsKey.Address address) {
            a.u16(SVC_ATTR_PROTOCOL, IpvsKey.protocolNumber(address.protocol()));
            a.bytes(SVC_ATTR_ADDR, inetAddr(address.address()));
            a.u16BigEndian(SVC_ATTR_PORT, address.port());
        } else {
            a.u32(SVC_ATTR_FWMARK, ((IpvsKey.Fwmark) key).mark());
        }
    }

    private static void fullService(AttributeEncoder a, IpvsService service) {
        keyAttributes(a, service.key());
        a.string(SVC_ATTR_SCHED_NAME, service.scheduler());
        service.persistenceEngine().ifPresent(pe -> a.string(SVC_ATTR_PE_NAME, pe));
        a.bytes(SVC_ATTR_FLAGS, flags(service.flags()));
        a.u32(SVC_ATTR_TIMEOUT, service.timeout());
        if (service.key().ipv6()) {
            a.u32(SVC_ATTR_NETMASK, service.netmask());
        } else {
            a.u32BigEndian(SVC_ATTR_NETMASK, service.netmask());
        }
    }

    private static AttributeEncoder destinationRequest(IpvsKey key, IpvsDestination destination, boolean settings) {
        return serviceKey(key).nested(CMD_ATTR_DEST, a -> {
            a.u16(DEST_ATTR_ADDR_FAMILY, destination.address() instanceof Inet6Address ? AF_INET6 : AF_INET);
            a.bytes(DEST_ATTR_ADDR, inetAddr(destination.address()));
            a.u16BigEndian(DEST_ATTR_PORT, destination.port());
            if (!settings) {
                return;
            }
            a.u32(DEST_ATTR_FWD_METHOD, destination.forwarding().code());
            a.u32(DEST_ATTR_WEIGHT, destination.weight());
            destination.tunnel().ifPresent(tunnel -> {
                a.u8(DEST_ATTR_TUN_TYPE, tunnel.type().ordinal());
                a.u16BigEndian(DEST_ATTR_TUN_PORT, tunnel.port());
                a.u16(DEST_ATTR_TUN_FLAGS, tunnel.flags());
            });
            a.u32(DEST_ATTR_U_THRESH, destination.upperThreshold());
            a.u32(DEST_ATTR_L_THRESH, destination.lowerThreshold());
        });
    }

    /** struct ip_vs_flags { flags; mask }: the mask names every bit, so the kernel takes the flags as given. */
    private static byte[] flags(int flags) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags).putInt(-1).array();
    }

    /** union nf_inet_addr: 16 bytes, IPv4 in the first four. */
    static byte[] inetAddr(InetAddress address) {
        byte[] value = new byte[ADDRESS_SIZE];
        byte[] raw = address.getAddress();
        System.arraycopy(raw, 0, value, 0, raw.length);
        return value;
    }

    /** A scheduler, persistence-engine or interface name: 1..15 bytes of UTF-8 without NUL. */
    static void checkName(String what, String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length >= NAME_MAXLEN) {
            throw new IllegalArgumentException(what + " name must be 1.." + (NAME_MAXLEN - 1) + " bytes: \"" + name + "\"");
        }
    }
}
