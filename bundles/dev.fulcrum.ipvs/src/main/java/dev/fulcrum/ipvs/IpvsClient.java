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
import java.util.function.Supplier;

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
        execute(newService(service));
    }

    public void editService(IpvsService service) throws NetlinkException {
        execute(setService(service));
    }

    public void deleteService(IpvsKey key) throws NetlinkException {
        execute(delService(key));
    }

    public void addDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute(newDestination(key, destination));
    }

    public void editDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute(setDestination(key, destination));
    }

    public void deleteDestination(IpvsKey key, IpvsDestination destination) throws NetlinkException {
        execute(delDestination(key, destination));
    }

    /** An empty batch of table changes on this client's connection. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Table changes collected in order and then sent together through {@link Connection#executeAll}:
     * the connection may send many before reading their ACKs, which saves a round trip per change.
     * The kernel handles them in the order added, each as if sent alone.
     */
    public final class Batch {

        private final List<Request> requests = new ArrayList<>();

        private Batch() {
        }

        public Batch addService(IpvsService service) {
            return add(newService(service));
        }

        public Batch editService(IpvsService service) {
            return add(setService(service));
        }

        public Batch deleteService(IpvsKey key) {
            return add(delService(key));
        }

        public Batch addDestination(IpvsKey key, IpvsDestination destination) {
            return add(newDestination(key, destination));
        }

        public Batch editDestination(IpvsKey key, IpvsDestination destination) {
            return add(setDestination(key, destination));
        }

        public Batch deleteDestination(IpvsKey key, IpvsDestination destination) {
            return add(delDestination(key, destination));
        }

        public int size() {
            return requests.size();
        }

        /**
         * Sends the changes; per change, in the order added: empty when the kernel applied it, its
         * refusal otherwise.
         *
         * @throws NetlinkException when the exchange itself failed: which changes were applied is unknown
         */
        public List<Optional<IpvsErrorException>> send() throws NetlinkException {
            List<Optional<NetlinkErrorException>> outcomes = connection.executeAll(
                    requests.stream().map(Request::message).toList());
            List<Optional<IpvsErrorException>> refusals = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                Request request = requests.get(i);
                refusals.add(outcomes.get(i).map(e -> new IpvsErrorException(request.operation().get(), e)));
            }
            return refusals;
        }

        private Batch add(Request request) {
            requests.add(request);
            return this;
        }
    }

    /**
     * A table-changing request and what it does, in words, for the error that may answer it: put into
     * words only then (a table of 10,000 services is 50,000 requests, nearly all acknowledged).
     */
    private record Request(Supplier<String> operation, NetlinkMessage message) {
    }

    private Request newService(IpvsService service) {
        return new Request(() -> "adding service " + IpvsText.key(service.key()), codec.newService(service));
    }

    private Request setService(IpvsService service) {
        return new Request(() -> "editing service " + IpvsText.key(service.key()), codec.setService(service));
    }

    private Request delService(IpvsKey key) {
        return new Request(() -> "deleting service " + IpvsText.key(key), codec.deleteService(key));
    }

    private Request newDestination(IpvsKey key, IpvsDestination destination) {
        return new Request(() -> "adding " + IpvsText.destination(destination) + " to " + IpvsText.key(key),
                codec.newDestination(key, destination));
    }

    private Request setDestination(IpvsKey key, IpvsDestination destination) {
        return new Request(() -> "editing " + IpvsText.destination(destination) + " of " + IpvsText.key(key),
                codec.setDestination(key, destination));
    }

    private Request delDestination(IpvsKey key, IpvsDestination destination) {
        return new Request(() -> "deleting " + IpvsText.destination(destination) + " from " + IpvsText.key(key),
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

    private void execute(Request request) throws NetlinkException {
        try {
            connection.execute(request.message());
        } catch (NetlinkErrorException e) {
            throw new IpvsErrorException(request.operation().get(), e);
        }
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
