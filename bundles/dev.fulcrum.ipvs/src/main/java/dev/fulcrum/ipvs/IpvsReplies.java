package dev.fulcrum.ipvs;

import static dev.fulcrum.ipvs.IpvsGenl.*;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.netlink.Attribute;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes the kernel's IPVS replies (include/uapi/linux/ip_vs.h): the parts of service, destination
 * and daemon dumps, GET_CONFIG's timeouts and GET_INFO's info. Pure; anything a reply lacks or
 * carries in the wrong size is a {@link MalformedMessageException} naming the attribute.
 */
public final class IpvsReplies {

    private IpvsReplies() {
    }

    /** One part of an IPVS_CMD_GET_SERVICE dump (its command is IPVS_CMD_NEW_SERVICE). */
    public static IpvsService service(NetlinkMessage reply) throws MalformedMessageException {
        return service(attributes(reply).required(CMD_ATTR_SERVICE, "IPVS_CMD_ATTR_SERVICE").nestedAttributes());
    }

    /** The attributes of IPVS_CMD_ATTR_SERVICE (also what a request carries). */
    public static IpvsService service(Attributes svc) throws MalformedMessageException {
        IpvsKey key = key(svc);
        byte[] flagsValue = svc.required(SVC_ATTR_FLAGS, "IPVS_SVC_ATTR_FLAGS").value();
        if (flagsValue.length != 8) {
            throw new MalformedMessageException("IPVS_SVC_ATTR_FLAGS: struct ip_vs_flags has 8 bytes, got " + flagsValue.length);
        }
        int flags = (int) new Attribute(SVC_ATTR_FLAGS, false, false, Arrays.copyOf(flagsValue, 4)).u32();
        Attribute netmask = svc.required(SVC_ATTR_NETMASK, "IPVS_SVC_ATTR_NETMASK");
        Optional<IpvsStats> stats = stats(svc, SVC_ATTR_STATS64, SVC_ATTR_STATS);
        Optional<String> pe = svc.first(SVC_ATTR_PE_NAME).map(Attribute::string);
        try {
            return new IpvsService(key, svc.required(SVC_ATTR_SCHED_NAME, "IPVS_SVC_ATTR_SCHED_NAME").string(), flags,
                    svc.required(SVC_ATTR_TIMEOUT, "IPVS_SVC_ATTR_TIMEOUT").u32(),
                    key.ipv6() ? netmask.u32() : netmask.u32BigEndian(), pe, stats);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IPVS service: " + e.getMessage());
        }
    }

    /** The service key of IPVS_CMD_ATTR_SERVICE's attributes: fwmark, or protocol, address and port. */
    public static IpvsKey key(Attributes svc) throws MalformedMessageException {
        int family = svc.required(SVC_ATTR_AF, "IPVS_SVC_ATTR_AF").u16();
        checkFamily(family);
        try {
            Optional<Attribute> fwmark = svc.first(SVC_ATTR_FWMARK);
            if (fwmark.isPresent() && fwmark.get().u32() != 0) {
                return new IpvsKey.Fwmark(fwmark.get().u32(), family == AF_INET6);
            }
            return new IpvsKey.Address(protocol(svc.required(SVC_ATTR_PROTOCOL, "IPVS_SVC_ATTR_PROTOCOL").u16()),
                    address(family, svc.required(SVC_ATTR_ADDR, "IPVS_SVC_ATTR_ADDR")),
                    svc.required(SVC_ATTR_PORT, "IPVS_SVC_ATTR_PORT").u16BigEndian());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IPVS service key: " + e.getMessage());
        }
    }

    /** One part of an IPVS_CMD_GET_DEST dump; the address family defaults to the service's. */
    public static IpvsDestination destination(NetlinkMessage reply, int serviceFamily) throws MalformedMessageException {
        return destination(attributes(reply).required(CMD_ATTR_DEST, "IPVS_CMD_ATTR_DEST").nestedAttributes(), serviceFamily);
    }

    /** The attributes of IPVS_CMD_ATTR_DEST (also what a request carries). */
    public static IpvsDestination destination(Attributes dest, int serviceFamily) throws MalformedMessageException {
        Optional<Attribute> familyAttribute = dest.first(DEST_ATTR_ADDR_FAMILY);
        int family = familyAttribute.isPresent() ? familyAttribute.get().u16() : serviceFamily;
        checkFamily(family);
        long method = dest.required(DEST_ATTR_FWD_METHOD, "IPVS_DEST_ATTR_FWD_METHOD").u32();
        IpvsForwarding forwarding = IpvsForwarding.ofCode(method).orElseThrow(
                () -> new MalformedMessageException("IPVS_DEST_ATTR_FWD_METHOD: unknown method " + method));
        Optional<IpvsTunnel> tunnel = Optional.empty();
        if (forwarding == IpvsForwarding.TUNNEL) {
            tunnel = Optional.of(tunnel(dest));
        }
        try {
            return new IpvsDestination(address(family, dest.required(DEST_ATTR_ADDR, "IPVS_DEST_ATTR_ADDR")),
                    dest.required(DEST_ATTR_PORT, "IPVS_DEST_ATTR_PORT").u16BigEndian(), forwarding,
                    dest.required(DEST_ATTR_WEIGHT, "IPVS_DEST_ATTR_WEIGHT").s32(),
                    optionalU32(dest, DEST_ATTR_U_THRESH), optionalU32(dest, DEST_ATTR_L_THRESH), tunnel,
                    new IpvsDestination.Connections(optionalU32(dest, DEST_ATTR_ACTIVE_CONNS),
                            optionalU32(dest, DEST_ATTR_INACT_CONNS), optionalU32(dest, DEST_ATTR_PERSIST_CONNS)),
                    stats(dest, DEST_ATTR_STATS64, DEST_ATTR_STATS));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IPVS destination: " + e.getMessage());
        }
    }

    /** One part of an IPVS_CMD_GET_DAEMON dump. */
    public static SyncDaemon daemon(NetlinkMessage reply) throws MalformedMessageException {
        Attributes daemon = attributes(reply).required(CMD_ATTR_DAEMON, "IPVS_CMD_ATTR_DAEMON").nestedAttributes();
        long state = daemon.required(DAEMON_ATTR_STATE, "IPVS_DAEMON_ATTR_STATE").u32();
        SyncDaemon.Role role = switch ((int) state) {
            case STATE_MASTER -> SyncDaemon.Role.MASTER;
            case STATE_BACKUP -> SyncDaemon.Role.BACKUP;
            default -> throw new MalformedMessageException("IPVS_DAEMON_ATTR_STATE: unknown state " + state);
        };
        Optional<InetAddress> group = Optional.empty();
        Optional<Attribute> group4 = daemon.first(DAEMON_ATTR_MCAST_GROUP);
        Optional<Attribute> group6 = daemon.first(DAEMON_ATTR_MCAST_GROUP6);
        if (group6.isPresent()) {
            group = Optional.of(group6.get().inetAddress());
        } else if (group4.isPresent()) {
            group = Optional.of(group4.get().inetAddress());
        }
        try {
            return new SyncDaemon(role, daemon.required(DAEMON_ATTR_MCAST_IFN, "IPVS_DAEMON_ATTR_MCAST_IFN").string(),
                    (int) daemon.required(DAEMON_ATTR_SYNC_ID, "IPVS_DAEMON_ATTR_SYNC_ID").u32(),
                    daemon.first(DAEMON_ATTR_SYNC_MAXLEN).isPresent() ? daemon.first(DAEMON_ATTR_SYNC_MAXLEN).get().u16() : 0,
                    group,
                    daemon.first(DAEMON_ATTR_MCAST_PORT).isPresent() ? daemon.first(DAEMON_ATTR_MCAST_PORT).get().u16() : 0,
                    daemon.first(DAEMON_ATTR_MCAST_TTL).isPresent() ? daemon.first(DAEMON_ATTR_MCAST_TTL).get().u8() : 0);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IPVS sync daemon: " + e.getMessage());
        }
    }

    /** IPVS_CMD_GET_CONFIG's reply (command IPVS_CMD_SET_CONFIG). */
    public static IpvsTimeouts timeouts(NetlinkMessage reply) throws MalformedMessageException {
        Attributes attributes = attributes(reply);
        return new IpvsTimeouts(optionalU32(attributes, CMD_ATTR_TIMEOUT_TCP),
                optionalU32(attributes, CMD_ATTR_TIMEOUT_TCP_FIN), optionalU32(attributes, CMD_ATTR_TIMEOUT_UDP));
    }

    /** IPVS_CMD_GET_INFO's reply (command IPVS_CMD_SET_INFO). */
    public static IpvsInfo info(NetlinkMessage reply) throws MalformedMessageException {
        Attributes attributes = attributes(reply);
        return new IpvsInfo(attributes.required(INFO_ATTR_VERSION, "IPVS_INFO_ATTR_VERSION").u32(),
                attributes.required(INFO_ATTR_CONN_TAB_SIZE, "IPVS_INFO_ATTR_CONN_TAB_SIZE").u32());
    }

    /** The 64-bit nest when present (IPVS_*_ATTR_STATS64, Linux 4.1+), else the 32-bit one. */
    private static Optional<IpvsStats> stats(Attributes parent, int stats64, int stats32) throws MalformedMessageException {
        Optional<Attribute> wide = parent.first(stats64);
        if (wide.isPresent()) {
            Attributes s = wide.get().nestedAttributes();
            return Optional.of(new IpvsStats(u64(s, STATS_ATTR_CONNS), u64(s, STATS_ATTR_INPKTS), u64(s, STATS_ATTR_OUTPKTS),
                    u64(s, STATS_ATTR_INBYTES), u64(s, STATS_ATTR_OUTBYTES), u64(s, STATS_ATTR_CPS),
                    u64(s, STATS_ATTR_INPPS), u64(s, STATS_ATTR_OUTPPS), u64(s, STATS_ATTR_INBPS), u64(s, STATS_ATTR_OUTBPS)));
        }
        Optional<Attribute> narrow = parent.first(stats32);
        if (narrow.isPresent()) {
            Attributes s = narrow.get().nestedAttributes();
            return Optional.of(new IpvsStats(optionalU32(s, STATS_ATTR_CONNS), optionalU32(s, STATS_ATTR_INPKTS),
                    optionalU32(s, STATS_ATTR_OUTPKTS), u64(s, STATS_ATTR_INBYTES), u64(s, STATS_ATTR_OUTBYTES),
                    optionalU32(s, STATS_ATTR_CPS), optionalU32(s, STATS_ATTR_INPPS), optionalU32(s, STATS_ATTR_OUTPPS),
                    optionalU32(s, STATS_ATTR_INBPS), optionalU32(s, STATS_ATTR_OUTBPS)));
        }
        return Optional.empty();
    }

    private static IpvsTunnel tunnel(Attributes dest) throws MalformedMessageException {
        Optional<Attribute> type = dest.first(DEST_ATTR_TUN_TYPE);
        if (type.isEmpty()) {
            return IpvsTunnel.IPIP; // kernels before 5.2 know IP-in-IP only
        }
        IpvsTunnel.Type[] types = IpvsTunnel.Type.values();
        int code = type.get().u8();
        if (code >= types.length) {
            throw new MalformedMessageException("IPVS_DEST_ATTR_TUN_TYPE: unknown tunnel type " + code);
        }
        Optional<Attribute> port = dest.first(DEST_ATTR_TUN_PORT);
        Optional<Attribute> flags = dest.first(DEST_ATTR_TUN_FLAGS);
        try {
            return new IpvsTunnel(types[code], port.isPresent() ? port.get().u16BigEndian() : 0,
                    flags.isPresent() ? flags.get().u16() : 0);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IPVS tunnel: " + e.getMessage());
        }
    }

    private static Attributes attributes(NetlinkMessage reply) throws MalformedMessageException {
        return GenericMessage.decode(reply).attributes();
    }

    private static Protocol protocol(int number) throws MalformedMessageException {
        return switch (number) {
            case 6 -> Protocol.TCP;
            case 17 -> Protocol.UDP;
            case 132 -> Protocol.SCTP;
            default -> throw new MalformedMessageException("IPVS_SVC_ATTR_PROTOCOL: IPVS does not balance protocol " + number);
        };
    }

    /** union nf_inet_addr: the first 4 bytes for AF_INET, all 16 for AF_INET6; a bare 4-byte IPv4 is accepted. */
    private static InetAddress address(int family, Attribute attribute) throws MalformedMessageException {
        byte[] value = attribute.value();
        int size = family == AF_INET ? 4 : 16;
        if (value.length < size) {
            throw new MalformedMessageException("attribute " + attribute.type() + ": " + value.length
                    + " bytes cannot hold an address of family " + family);
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOf(value, size));
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("attribute " + attribute.type() + ": " + e.getMessage());
        }
    }

    private static void checkFamily(int family) throws MalformedMessageException {
        if (family != AF_INET && family != AF_INET6) {
            throw new MalformedMessageException("IPVS: unknown address family " + family);
        }
    }

    private static long optionalU32(Attributes attributes, int type) throws MalformedMessageException {
        Optional<Attribute> attribute = attributes.first(type);
        return attribute.isPresent() ? attribute.get().u32() : 0;
    }

    private static long u64(Attributes attributes, int type) throws MalformedMessageException {
        Optional<Attribute> attribute = attributes.first(type);
        return attribute.isPresent() ? attribute.get().u64() : 0;
    }
}
