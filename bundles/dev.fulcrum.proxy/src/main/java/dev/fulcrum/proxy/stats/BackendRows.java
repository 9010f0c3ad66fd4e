package dev.fulcrum.proxy.stats;

import static dev.fulcrum.api.proxy.StatField.*;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.proxy.StatRow;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A backend's rows: one per server in configuration order, then BACKEND (management.txt 9.1,
 * "type": 1 = backend, 2 = server), with the columns HAProxy 2.6 fills for each and empty ones
 * where HAProxy leaves them empty.
 */
final class BackendRows {

    private BackendRows() {
    }

    /**
     * @param fullconn the backend's slim: configuration.txt 4.2 "fullconn", by default 10% of the
     *                 maxconn of the frontends that use it
     */
    static List<StatRow> of(BackendPool pool, int iid, long fullconn, Instant now) {
        List<StatRow> rows = new ArrayList<>();
        List<ProxyServer> servers = pool.servers();
        for (int i = 0; i < servers.size(); i++) {
            rows.add(server(pool, servers.get(i), iid, i + 1, now));
        }
        rows.add(backend(pool, iid, fullconn, now));
        return rows;
    }

    private static StatRow server(BackendPool pool, ProxyServer server, int iid, int sid, Instant now) {
        Server config = server.config();
        ServerCounters counters = server.counters();
        Activity activity = counters.activity();
        boolean http = pool.config().mode() == Mode.HTTP;
        long idle = counters.idleConnections();
        long busy = Math.max(0, server.activeConnections() - idle);
        RowBuilder row = common(new RowBuilder(), pool.config(), iid, http)
                .set(SVNAME, config.name()).set(SID, sid).set(TYPE, 2)
                .set(SCUR, busy).set(SMAX, Math.max(busy, activity.sessions().max()))
                .set(SLIM, config.maxconn() > 0 ? Long.toString(config.maxconn()) : "")
                .set(STATUS, ServerStatus.of(server.state(), config.check()))
                .set(WEIGHT, config.weight()).set(UWEIGHT, config.weight())
                .set(ACT, config.backup() ? 0 : 1).set(BCK, config.backup() ? 1 : 0)
                .set(LASTCHG, counters.history().secondsSinceChange(now))
                .set(RATE, activity.sessionRate().rate()).set(RATE_MAX, activity.sessionRate().max())
                .set(LASTSESS, activity.secondsSinceLastSession())
                .set(ADDR, AddressText.of(server.target(config.port())))
                .set(SRV_ICUR, idle).set(IDLE_CONN_CUR, idle).set(USED_CONN_CUR, busy)
                // A server's own queue holds the requests a hashing algorithm bound to it.
                .set(QCUR, pool.queue().queued(server))
                .set(QMAX, Math.max(pool.queue().queued(server), counters.mostQueued()))
                // management.txt 9.1 "qlimit": the server's maxqueue, empty when 0 (no limit).
                .set(QLIMIT, config.maxqueue().isPresent() ? Integer.toString(config.maxqueue().getAsInt()) : "");
        traffic(row, activity::get, http);
        counters.times().fill(row);
        if (config.check()) {
            // configuration.txt 5.2 "rise"/"fall"; check_health runs from 0 (DOWN) to rise+fall-1
            // (UP); until the first check reports, a server is UP at rise (HAProxy's start).
            int health = counters.health().orElse(server.state() == ServerState.DOWN ? 0 : config.rise());
            row.set(CHKFAIL, counters.failedChecks()).set(CHKDOWN, counters.history().transitionsToDown())
                    .set(DOWNTIME, counters.history().downtimeSeconds(now))
                    .set(CHECK_RISE, config.rise()).set(CHECK_FALL, config.fall()).set(CHECK_HEALTH, health);
            // The last check's result, whether it changed the verdict or not.
            counters.lastCheck().ifPresent(check -> row.set(CHECK_STATUS, check.status().name())
                    .set(CHECK_CODE, check.code().isPresent() ? Integer.toString(check.code().getAsInt()) : "")
                    .set(CHECK_DURATION, check.duration().toMillis())
                    .set(LAST_CHK, check.info()).set(CHECK_DESC, check.status().description()));
        }
        return row.build();
    }

    private static StatRow backend(BackendPool pool, int iid, long fullconn, Instant now) {
        Backend config = pool.config();
        BackendCounters counters = pool.counters();
        Activity activity = counters.activity();
        boolean http = config.mode() == Mode.HTTP;
        long queued = pool.queue().queued();
        long busy = 0;
        int active = 0;
        int backup = 0;
        int activeWeight = 0;
        int backupWeight = 0;
        for (ProxyServer server : pool.servers()) {
            busy += Math.max(0, server.activeConnections() - server.counters().idleConnections());
            if (server.state() == ServerState.UP) {
                if (server.backup()) {
                    backup++;
                    backupWeight += server.weight();
                } else {
                    active++;
                    activeWeight += server.weight();
                }
            }
        }
        // Backup servers carry the traffic, and the weight, only when no active server is up.
        int weight = active > 0 ? activeWeight : backupWeight;
        RowBuilder row = common(new RowBuilder(), config, iid, http)
                .set(SVNAME, "BACKEND").set(SID, 0).set(TYPE, 1)
                .set(QCUR, queued).set(QMAX, Math.max(queued, counters.mostQueued()))
                .set(SCUR, busy).set(SMAX, Math.max(busy, activity.sessions().max())).set(SLIM, fullconn)
                .set(STATUS, active + backup > 0 ? "UP" : "DOWN")
                .set(WEIGHT, weight).set(UWEIGHT, weight).set(ACT, active).set(BCK, backup)
                .set(CHKDOWN, counters.history().transitionsToDown())
                .set(LASTCHG, counters.history().secondsSinceChange(now))
                .set(DOWNTIME, counters.history().downtimeSeconds(now))
                .set(RATE, activity.sessionRate().rate()).set(RATE_MAX, activity.sessionRate().max())
                .set(LASTSESS, activity.secondsSinceLastSession())
                .set(ALGO, config.balance().algorithm().keyword())
                .zero(DREQ, COMP_IN, COMP_OUT, COMP_BYP, COMP_RSP, AGG_SERVER_STATUS, AGG_SERVER_CHECK_STATUS,
                        AGG_CHECK_STATUS)
                .zero(H2_HEADERS_RCVD, H2_DATA_RCVD, H2_SETTINGS_RCVD, H2_RST_STREAM_RCVD, H2_GOAWAY_RCVD,
                        H2_DETECTED_CONN_PROTOCOL_ERRORS, H2_DETECTED_STRM_PROTOCOL_ERRORS, H2_RST_STREAM_RESP,
                        H2_GOAWAY_RESP, H2_OPEN_CONNECTIONS, H2_BACKEND_OPEN_STREAMS, H2_TOTAL_CONNECTIONS,
                        H2_BACKEND_TOTAL_STREAMS, H1_SPLICED_BYTES_IN, H1_SPLICED_BYTES_OUT);
        traffic(row, activity::get, http);
        counters.times().fill(row);
        if (http) {
            row.zero(CACHE_LOOKUPS, CACHE_HITS)
                    .set(H1_TOTAL_CONNECTIONS, activity.get(Traffic.SERVER_CONNECTS))
                    .set(H1_TOTAL_STREAMS, activity.get(Traffic.REQUESTS));
        } else {
            row.zero(H1_OPEN_CONNECTIONS, H1_OPEN_STREAMS, H1_TOTAL_CONNECTIONS, H1_TOTAL_STREAMS, H1_BYTES_IN,
                    H1_BYTES_OUT);
        }
        return row.build();
    }

    /** The columns every server and BACKEND row has. */
    private static RowBuilder common(RowBuilder row, Backend config, int iid, boolean http) {
        return row.set(PXNAME, config.name()).set(PID, 1).set(IID, iid)
                .set(MODE, http ? "http" : "tcp").set(MODULES, "-")
                // No rewrites, no TLS towards servers yet.
                .zero(DRESP, WREW, EINT, SSL_SESS, SSL_REUSED_SESS, SSL_FAILED_HANDSHAKE);
    }

    /** The cumulative counters of a server or BACKEND row. */
    private static void traffic(RowBuilder row, ToLongFunction<Traffic> counts, boolean http) {
        row.set(STOT, counts.applyAsLong(Traffic.SESSIONS))
                .set(BIN, counts.applyAsLong(Traffic.BYTES_IN)).set(BOUT, counts.applyAsLong(Traffic.BYTES_OUT))
                .set(ECON, counts.applyAsLong(Traffic.CONNECT_ERRORS))
                .set(ERESP, counts.applyAsLong(Traffic.RESPONSE_ERRORS))
                .set(WRETR, counts.applyAsLong(Traffic.RETRIES)).set(WREDIS, counts.applyAsLong(Traffic.REDISPATCHES))
                .set(LBTOT, counts.applyAsLong(Traffic.SELECTED))
                .set(CONNECT, counts.applyAsLong(Traffic.SERVER_CONNECTS))
                .set(REUSE, counts.applyAsLong(Traffic.SERVER_REUSES))
                .set(CLI_ABRT, counts.applyAsLong(Traffic.CLIENT_ABORTS))
                .set(SRV_ABRT, counts.applyAsLong(Traffic.SERVER_ABORTS));
        if (http) {
            row.responses(counts).set(REQ_TOT, counts.applyAsLong(Traffic.REQUESTS));
        }
    }
}
