package dev.fulcrum.proxy.stats;

import static dev.fulcrum.api.proxy.StatField.*;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.proxy.StatRow;

/**
 * A frontend's FRONTEND row, with the columns HAProxy 2.6 fills for it (management.txt 9.1, "type":
 * 0 = frontend) and empty ones where HAProxy leaves them empty.
 */
final class FrontendRow {

    private FrontendRow() {
    }

    /**
     * @param limit the frontend's maxconn (slim)
     * @param iid   the proxy's number (HAProxy's unique id)
     */
    static StatRow of(Frontend config, FrontendCounters counters, int limit, int iid) {
        boolean http = config.mode() == Mode.HTTP;
        Activity activity = counters.activity();
        long current = activity.sessions().current();
        RowBuilder row = new RowBuilder()
                .set(PXNAME, config.name()).set(SVNAME, "FRONTEND")
                .set(SCUR, current).set(SMAX, activity.sessions().max()).set(SLIM, limit)
                .set(STOT, activity.get(Traffic.SESSIONS))
                .set(BIN, activity.get(Traffic.BYTES_IN)).set(BOUT, activity.get(Traffic.BYTES_OUT))
                .set(EREQ, activity.get(Traffic.REQUEST_ERRORS))
                // 4.2 "maxconn": a frontend at its limit stops accepting: HAProxy reports it FULL.
                .set(STATUS, current >= limit ? "FULL" : "OPEN")
                .set(PID, 1).set(IID, iid).set(SID, 0).set(TYPE, 0)
                .set(RATE, activity.sessionRate().rate()).set(RATE_MAX, activity.sessionRate().max())
                .set(REQ_RATE, counters.requestRate().rate()).set(REQ_RATE_MAX, counters.requestRate().max())
                .set(REQ_TOT, activity.get(Traffic.REQUESTS))
                .set(MODE, http ? "http" : "tcp")
                .set(CONN_RATE, counters.connectionRate().rate())
                .set(CONN_RATE_MAX, counters.connectionRate().max())
                .set(CONN_TOT, activity.get(Traffic.CONNECTIONS))
                .set(MODULES, "-")
                // Nothing denies, limits rates, compresses, rewrites or is interrupted by rules here;
                // HTTP/2 is not spoken.
                .zero(DREQ, DRESP, RATE_LIM, COMP_IN, COMP_OUT, COMP_BYP, COMP_RSP, DCON, DSES, WREW, EINT)
                .zero(H2_HEADERS_RCVD, H2_DATA_RCVD, H2_SETTINGS_RCVD, H2_RST_STREAM_RCVD, H2_GOAWAY_RCVD,
                        H2_DETECTED_CONN_PROTOCOL_ERRORS, H2_DETECTED_STRM_PROTOCOL_ERRORS, H2_RST_STREAM_RESP,
                        H2_GOAWAY_RESP, H2_OPEN_CONNECTIONS, H2_BACKEND_OPEN_STREAMS, H2_TOTAL_CONNECTIONS,
                        H2_BACKEND_TOTAL_STREAMS, H1_SPLICED_BYTES_IN, H1_SPLICED_BYTES_OUT);
        if (config.binds().stream().noneMatch(bind -> bind.ssl().isPresent())) {
            row.zero(SSL_SESS, SSL_REUSED_SESS, SSL_FAILED_HANDSHAKE);
        }
        if (http) {
            row.responses(activity::get).zero(INTERCEPTED, CACHE_LOOKUPS, CACHE_HITS)
                    .set(H1_OPEN_CONNECTIONS, current)
                    .set(H1_TOTAL_CONNECTIONS, activity.get(Traffic.CONNECTIONS))
                    .set(H1_TOTAL_STREAMS, activity.get(Traffic.REQUESTS));
        } else {
            // A tcp frontend never runs the HTTP/1 multiplexer.
            row.zero(H1_OPEN_CONNECTIONS, H1_OPEN_STREAMS, H1_TOTAL_CONNECTIONS, H1_TOTAL_STREAMS, H1_BYTES_IN,
                    H1_BYTES_OUT);
        }
        return row.build();
    }
}
