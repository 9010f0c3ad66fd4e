package dev.fulcrum.ipvs;

import static dev.fulcrum.ipvs.IpvsGenl.*;

import dev.fulcrum.netlink.Attribute;
import dev.fulcrum.netlink.AttributeEncoder;
import dev.fulcrum.netlink.Attributes;
import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.ErrorMessage;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.GenericMessage;
import dev.fulcrum.netlink.genl.GenericNetlink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A fake kernel at the message level: decodes IPVS requests, keeps a table and answers with dump
 * parts or the errno net/netfilter/ipvs/ip_vs_ctl.c would give (EEXIST, ESRCH, ENOENT). Every
 * request that changes the table is logged in words, in order, for tests of ordering and minimal diffs.
 */
public final class FakeIpvsKernel implements Connection {

    static final int FAMILY_ID = 32;
    private static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed",
            "nq", "mh", "fo", "ovf", "twos");

    private final List<String> log = new ArrayList<>();
    private final List<Integer> batches = new ArrayList<>();
    private int dumps;
    private int timeoutReads;
    private final Map<IpvsKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsKey, List<IpvsDestination>> destinations = new HashMap<>();
    private final IpvsCodec replies = new IpvsCodec(FAMILY_ID);
    private final Map<Integer, Integer> failures = new HashMap<>();
    private final boolean hasIpvs;
    private final Map<SyncDaemon.Role, SyncDaemon> daemons = new java.util.EnumMap<>(SyncDaemon.Role.class);
    private IpvsTimeouts timeouts = new IpvsTimeouts(900, 120, 300);

    public FakeIpvsKernel() {
        this(true);
    }

    public FakeIpvsKernel(boolean hasIpvs) {
        this.hasIpvs = hasIpvs;
    }

    /** The next request with this command fails with {@code errno}. */
    public FakeIpvsKernel failNext(int command, Errno errno) {
        failures.put(command, errno.number());
        return this;
    }

    /** What someone running ipvsadm -D would do behind Fulcrum's back. */
    public void deleteBehindTheBack(IpvsKey key) {
        services.remove(key);
        destinations.remove(key);
    }

    public List<IpvsDestination> destinationsOf(IpvsKey key) {
        return destinations.getOrDefault(key, List.of());
    }

    /** The table-changing requests so far, in words and in order; tests may clear it. */
    public List<String> log() {
        return log;
    }

    /** How many dumps (GET_SERVICE, GET_DEST, ...) were asked for so far. */
    public int dumps() {
        return dumps;
    }

    /** The size of each executeAll batch so far, in order. */
    public List<Integer> batches() {
        return batches;
    }

    public Set<IpvsKey> services() {
        return Set.copyOf(services.keySet());
    }

    public IpvsService service(IpvsKey key) {
        return services.get(key);
    }

    /** The running sync daemons, as GET_DAEMON would list them. */
    public List<SyncDaemon> daemons() {
        return List.copyOf(daemons.values());
    }

    /** How many times the timeouts were read (IPVS_CMD_GET_CONFIG). */
    public int timeoutReads() {
        return timeoutReads;
    }

    public IpvsTimeouts timeouts() {
        return timeouts;
    }

    @Override
    public List<NetlinkMessage> execute(NetlinkMessage request) throws NetlinkException {
        return handle(request);
    }

    @Override
    public List<Optional<NetlinkErrorException>> executeAll(List<NetlinkMessage> requests) throws NetlinkException {
        batches.add(requests.size());
        return Connection.super.executeAll(requests);
    }

    @Override
    public List<NetlinkMessage> dump(NetlinkMessage request) throws NetlinkException {
        dumps++;
        return handle(request);
    }

    private List<NetlinkMessage> handle(NetlinkMessage request) throws NetlinkException {
        if (request.type() == GenericNetlink.CONTROLLER_ID) {
            return resolve();
        }
        if (request.type() != FAMILY_ID) {
            throw error(Errno.EINVAL.number());
        }
        GenericMessage message = GenericMessage.decode(request);
        Integer failure = failures.remove(message.command());
        if (failure != null) {
            throw error(failure);
        }
        Attributes attributes = message.attributes();
        switch (message.command()) {
            case CMD_NEW_SERVICE -> {
                IpvsService service = IpvsReplies.service(nested(attributes, CMD_ATTR_SERVICE));
                require(!services.containsKey(service.key()), Errno.EEXIST);
                require(SCHEDULERS.contains(service.scheduler()), Errno.ENOENT);
                services.put(service.key(), service);
                log.add("add " + IpvsText.key(service.key()) + " " + service.scheduler());
            }
            case CMD_SET_SERVICE -> {
                IpvsService service = IpvsReplies.service(nested(attributes, CMD_ATTR_SERVICE));
                require(services.containsKey(service.key()), Errno.ESRCH);
                services.put(service.key(), service);
                log.add("edit " + IpvsText.key(service.key()) + " " + service.scheduler());
            }
            case CMD_DEL_SERVICE -> {
                IpvsKey key = IpvsReplies.key(nested(attributes, CMD_ATTR_SERVICE));
                require(services.containsKey(key), Errno.ESRCH);
                deleteBehindTheBack(key);
                log.add("delete " + IpvsText.key(key));
            }
            case CMD_GET_SERVICE -> {
                List<NetlinkMessage> parts = new ArrayList<>();
                for (IpvsService service : services.values()) {
                    parts.add(replies.newService(service));
                }
                return parts;
            }
            case CMD_NEW_DEST, CMD_SET_DEST -> {
                IpvsKey key = IpvsReplies.key(nested(attributes, CMD_ATTR_SERVICE));
                require(services.containsKey(key), Errno.ESRCH);
                IpvsDestination destination = IpvsReplies.destination(nested(attributes, CMD_ATTR_DEST), key.family());
                List<IpvsDestination> list = destinations.computeIfAbsent(key, k -> new ArrayList<>());
                boolean exists = list.removeIf(d -> d.sameServer(destination));
                boolean adding = message.command() == CMD_NEW_DEST;
                require(adding ? !exists : exists, adding ? Errno.EEXIST : Errno.ENOENT);
                list.add(destination);
                log.add((adding ? "add " : "edit ") + IpvsText.key(key) + " -> "
                        + IpvsText.endpoint(destination.address(), destination.port()) + " " + destination.forwarding().label()
                        + " w" + destination.weight());
            }
            case CMD_DEL_DEST -> {
                IpvsKey key = IpvsReplies.key(nested(attributes, CMD_ATTR_SERVICE));
                require(services.containsKey(key), Errno.ESRCH);
                Attributes dest = nested(attributes, CMD_ATTR_DEST);
                int af = dest.required(DEST_ATTR_ADDR_FAMILY, "af").u16();
                byte[] raw = dest.required(DEST_ATTR_ADDR, "addr").value();
                InetAddress address = address(raw, af == AF_INET ? 4 : 16);
                int port = dest.required(DEST_ATTR_PORT, "port").u16BigEndian();
                require(destinations.getOrDefault(key, new ArrayList<>())
                        .removeIf(d -> d.address().equals(address) && d.port() == port), Errno.ENOENT);
                log.add("delete " + IpvsText.key(key) + " -> " + IpvsText.endpoint(address, port));
            }
            case CMD_GET_DEST -> {
                IpvsKey key = IpvsReplies.key(nested(attributes, CMD_ATTR_SERVICE));
                require(services.containsKey(key), Errno.ESRCH);
                List<NetlinkMessage> parts = new ArrayList<>();
                for (IpvsDestination destination : destinationsOf(key)) {
                    parts.add(replies.newDestination(key, destination));
                }
                return parts;
            }
            case CMD_NEW_DAEMON -> {
                SyncDaemon daemon = IpvsReplies.daemon(request); // a request has the shape of a dump part
                require(!daemons.containsKey(daemon.role()), Errno.EEXIST); // ip_vs_sync.c start_sync_thread
                // the kernel fills in what the request left out (ip_vs_sync.c: port 8848, ttl 1)
                daemons.put(daemon.role(), new SyncDaemon(daemon.role(), daemon.interfaceName(), daemon.syncId(),
                        daemon.maxlen() == 0 ? 1472 : daemon.maxlen(), daemon.group(), daemon.port() == 0 ? 8848 : daemon.port(),
                        daemon.ttl() == 0 ? 1 : daemon.ttl()));
                log.add("start " + daemon.role().label() + " daemon " + daemon.interfaceName() + " syncid " + daemon.syncId());
            }
            case CMD_DEL_DAEMON -> {
                long state = nested(attributes, CMD_ATTR_DAEMON).required(DAEMON_ATTR_STATE, "state").u32();
                SyncDaemon.Role role = state == STATE_MASTER ? SyncDaemon.Role.MASTER : SyncDaemon.Role.BACKUP;
                require(daemons.remove(role) != null, Errno.ESRCH); // ip_vs_sync.c stop_sync_thread
                log.add("stop " + role.label() + " daemon");
            }
            case CMD_GET_DAEMON -> {
                List<NetlinkMessage> parts = new ArrayList<>();
                for (SyncDaemon daemon : daemons.values()) {
                    parts.add(replies.newDaemon(daemon));
                }
                return parts;
            }
            case CMD_FLUSH -> {
                services.clear();
                destinations.clear();
                log.add("flush");
            }
            case CMD_ZERO -> log.add("zero");
            case CMD_SET_CONFIG -> {
                timeouts = new IpvsTimeouts(value(attributes, CMD_ATTR_TIMEOUT_TCP, timeouts.tcp()),
                        value(attributes, CMD_ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin()),
                        value(attributes, CMD_ATTR_TIMEOUT_UDP, timeouts.udp()));
                log.add("timeouts " + timeouts.tcp() + " " + timeouts.tcpFin() + " " + timeouts.udp());
            }
            case CMD_GET_CONFIG -> {
                timeoutReads++;
                return List.of(GenericMessage.request(FAMILY_ID, CMD_SET_CONFIG, VERSION, new AttributeEncoder()
                        .u32(CMD_ATTR_TIMEOUT_TCP, timeouts.tcp()).u32(CMD_ATTR_TIMEOUT_TCP_FIN, timeouts.tcpFin())
                        .u32(CMD_ATTR_TIMEOUT_UDP, timeouts.udp())));
            }
            case CMD_GET_INFO -> {
                return List.of(GenericMessage.request(FAMILY_ID, CMD_SET_INFO, VERSION, new AttributeEncoder()
                        .u32(INFO_ATTR_VERSION, 0x010201).u32(INFO_ATTR_CONN_TAB_SIZE, 4096)));
            }
            default -> throw error(Errno.EINVAL.number());
        }
        return List.of();
    }

    private List<NetlinkMessage> resolve() throws NetlinkException {
        if (!hasIpvs) {
            throw error(Errno.ENOENT.number());
        }
        return List.of(new NetlinkMessage(GenericNetlink.CONTROLLER_ID, 0, 0, 0, GenericMessage.payload(1, 2,
                new AttributeEncoder().string(2, FAMILY).u16(1, FAMILY_ID).u32(3, VERSION).toByteArray())));
    }

    private static Attributes nested(Attributes attributes, int type) throws NetlinkException {
        return attributes.required(type, "nest " + type).nestedAttributes();
    }

    private static long value(Attributes attributes, int type, long otherwise) throws NetlinkException {
        Optional<Attribute> attribute = attributes.first(type);
        return attribute.isPresent() ? attribute.get().u32() : otherwise;
    }

    private static InetAddress address(byte[] raw, int size) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOf(raw, size));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void require(boolean condition, Errno errno) throws NetlinkErrorException {
        if (!condition) {
            throw error(errno.number());
        }
    }

    private static NetlinkErrorException error(int errno) {
        return new NetlinkErrorException("request", new ErrorMessage(errno, 0, 0, Optional.empty(), OptionalInt.empty()));
    }

    @Override
    public void joinGroup(int group) {
        throw new UnsupportedOperationException("IPVS has no multicast group");
    }

    @Override
    public List<NetlinkMessage> receive(Duration timeout) {
        return List.of();
    }

    @Override
    public int portId() {
        return 4242;
    }

    @Override
    public long droppedMessages() {
        return 0;
    }

    @Override
    public void close() {
    }
}
