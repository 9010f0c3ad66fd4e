package dev.fulcrum.ipvs;

import dev.fulcrum.netlink.Connection;
import dev.fulcrum.netlink.MalformedMessageException;
import dev.fulcrum.netlink.NetlinkErrorException;
import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.NetlinkMessage;
import dev.fulcrum.netlink.genl.FamilyNotFoundException;
import dev.fulcrum.netlink.genl.GenericNetlink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table over a NETLINK_GENERIC {@link Connection}: what {@code ipvsadm} does, as
 * calls. The family id is resolved once, at {@link #open}. A kernel refusal is an
 * {@link IpvsErrorException} whose kind says what it means; an undecodable reply a
 * {@link MalformedMessageException}. Not thread-safe beyond what the connection serialises.
 */
public final class IpvsClient {

    private final Connection connection;
    private final IpvsCodec codec;

    public IpvsClient(Connection connection, int familyId) {
        this.connection = connection;
        this.codec = new IpvsCodec(familyId);
    }

    /**
     * Resolves the "IPVS" family on {@code connection}.
     *
     * @throws FamilyNotFoundException when the kernel has no IPVS (ip_vs not loaded or not built)
     */
    public static IpvsClient open(Connection connection) throws NetlinkException {
        return new IpvsClient(connection, new GenericNetlink(connection).resolve(IpvsGenl.FAMILY).id());
    }

    public IpvsCodec codec() {
        return codec;
    }

    /** Every virtual service, with statistics (ipvsadm -Ln). */
    public List<IpvsService> services() throws NetlinkException {
        List<IpvsService> services = new ArrayList<>();
        for (NetlinkMessage part : dump("listing IPVS services", codec.getServices())) {
            services.add(IpvsReplies.service(part));
        }
        return services;
    }

    /** The destinations of one service, with connection counts and statistics. */
    public List<IpvsDestination> destinations(IpvsKey key) throws NetlinkException {
        List<IpvsDestination> destinations = new ArrayList<>();
        for (NetlinkMessage part : dump("listing the destinations of " + IpvsText.key(key), codec.getDestinations(key))) {
            destinations.add(IpvsReplies.destination(part, key.family()));
        }
        return destinations;
    }

    public void addService(IpvsService service) throws NetlinkException {
        execute("adding service " + IpvsText.key(service.key()), codec.newService(service));
    }

    public void editService(IpvsService service) throws NetlinkException {
        execute("editing service " + IpvsText.key(service.key()), codec.setService(service));
    }

    public void deleteService(IpvsKey key) throws NetlinkException {
        execute("deleting service " + IpvsText.key(key), codec.deleteService(key));
    }

    public void addDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute("adding " + IpvsText.destination(destination) + " to " + IpvsText.key(key), codec.newDestination(key, destination));
    }

    public void editDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute("editing " + IpvsText.destination(destination) + " of " + IpvsText.key(key), codec.setDestination(key, destination));
    }

    public void deleteDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute("deleting " + IpvsText.destination(destination) + " from " + IpvsText.key(key),
                codec.deleteDestination(key, destination));
    }

    /** Removes every service (ipvsadm -C). */
    public void flush() throws NetlinkException {
        execute("flushing the IPVS table", codec.flush());
    }

    /** Zeroes the counters of one service, or of all (ipvsadm -Z). */
    public void zero(Optional<IpvsKey> key) throws NetlinkException {
        execute("zeroing " + key.map(IpvsText::key).orElse("all counters"), codec.zero(key));
    }

    public IpvsTimeouts timeouts() throws NetlinkException {
        return IpvsReplies.timeouts(single("reading the IPVS timeouts", codec.getTimeouts()));
    }

    /** ipvsadm --set; 0 leaves a value unchanged. */
    public void setTimeouts(IpvsTimeouts timeouts) throws NetlinkException {
        execute("setting the IPVS timeouts", codec.setTimeouts(timeouts));
    }

    public void startDaemon(SyncDaemon daemon) throws NetlinkException {
        execute("starting the " + daemon.role().label() + " sync daemon", codec.newDaemon(daemon));
    }

    public void stopDaemon(SyncDaemon.Role role) throws NetlinkException {
        execute("stopping the " + role.label() + " sync daemon", codec.deleteDaemon(role));
    }

    /** The running sync daemons (ipvsadm -L --daemon). */
    public List<SyncDaemon> daemons() throws NetlinkException {
        List<SyncDaemon> daemons = new ArrayList<>();
        for (NetlinkMessage part : dump("listing the sync daemons", codec.getDaemons())) {
            daemons.add(IpvsReplies.daemon(part));
        }
        return daemons;
    }

    public IpvsInfo info() throws NetlinkException {
        return IpvsReplies.info(single("reading IPVS info", codec.getInfo()));
    }

    private void execute(String operation, NetlinkMessage request) throws NetlinkException {
        try {
            connection.execute(request);
        } catch (NetlinkErrorException e) {
            throw new IpvsErrorException(operation, e);
        }
    }

    private NetlinkMessage single(String operation, NetlinkMessage request) throws NetlinkException {
        List<NetlinkMessage> replies;
        try {
            replies = connection.execute(request);
        } catch (NetlinkErrorException e) {
            throw new IpvsErrorException(operation, e);
        }
        if (replies.isEmpty()) {
            throw new MalformedMessageException(operation + ": the kernel acknowledged without an answer");
        }
        return replies.get(0);
    }

    private List<NetlinkMessage> dump(String operation, NetlinkMessage request) throws NetlinkException {
        try {
            return connection.dump(request);
        } catch (NetlinkErrorException e) {
            throw new IpvsErrorException(operation, e);
        }
    }
}
