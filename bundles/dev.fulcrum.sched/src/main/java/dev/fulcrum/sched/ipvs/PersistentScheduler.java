package dev.fulcrum.sched.ipvs;

import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.AddressKey;
import dev.fulcrum.sched.common.ExpiringMap;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * IPVS persistence (keepalived.conf(5) {@code persistence_timeout}, {@code persistence_granularity};
 * ipvsadm {@code -p}/{@code -M}; the connection templates of net/netfilter/ipvs/ip_vs_core.c
 * ip_vs_sched_persist()) around any algorithm: a client, its address masked by the granularity netmask,
 * goes back to the server it was given while it keeps coming within the timeout (each connection
 * renews it). A client whose server went DOWN or MAINT, lost its weight or left the pool is scheduled
 * afresh by the wrapped algorithm; a DRAIN server keeps its persistent clients, as an IPVS quiescent
 * destination keeps the templates pointing to it.
 */
public final class PersistentScheduler implements Scheduler {

    private final Scheduler algorithm;
    private final Persistence persistence;
    private final ExpiringMap<AddressKey, ServerView> clients;
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    /** UP or DRAIN, weight above 0, still in the pool. */
    private final Predicate<ServerView> keepsClients = server -> (server.state() == ServerState.UP
            || server.state() == ServerState.DRAIN) && server.weight() > 0 && present.contains(server.id());

    /**
     * @param algorithm the scheduler that places new clients; its hooks are forwarded
     * @param settings  the settings the algorithm was created with; its clock times the entries
     * @param servers   the servers the algorithm was created with
     */
    public PersistentScheduler(Scheduler algorithm, Persistence persistence, SchedulerSettings settings,
            Collection<? extends ServerView> servers) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.clients = new ExpiringMap<>(persistence.timeout(), settings.clock());
        servers.forEach(server -> present.add(server.id()));
    }

    @Override
    public Optional<ServerView> pick(RequestContext request) {
        AddressKey client = AddressKey.masked(request.sourceAddress(), persistence.granularity());
        return Optional.ofNullable(
                clients.lookup(client, keepsClients, () -> algorithm.pick(request).orElse(null)));
    }

    @Override
    public void serverAdded(ServerView server) {
        present.add(server.id());
        algorithm.serverAdded(server);
    }

    @Override
    public void serverRemoved(ServerView server) {
        present.remove(server.id());
        clients.removeValues(kept -> kept.id().equals(server.id()));
        algorithm.serverRemoved(server);
    }

    @Override
    public void serverChanged(ServerView server) {
        algorithm.serverChanged(server);
    }

    @Override
    public void connectionsChanged(ServerView server) {
        algorithm.connectionsChanged(server);
    }

    /** Clients remembered now, expired ones not yet swept included. */
    int clientCount() {
        return clients.size();
    }
}
