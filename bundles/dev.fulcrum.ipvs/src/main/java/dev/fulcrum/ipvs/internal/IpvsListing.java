package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsGenl;
import dev.fulcrum.ipvs.IpvsInfo;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsStats;
import dev.fulcrum.ipvs.IpvsText;
import dev.fulcrum.ipvs.IpvsTimeouts;
import dev.fulcrum.ipvs.SyncDaemon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The kernel table as {@code ipvsadm -Ln} prints it (and {@code --stats}, {@code --rate},
 * {@code --exact}, {@code --persistent-conn}, {@code --timeout}, {@code --daemon}): same headers, column widths, number abbreviations and sort order (services by
 * fwmark, address family, protocol, address, port; destinations by address and port). Pure.
 */
final class IpvsListing {

    /** What to print after each service and destination. */
    enum Mode {
        /** ipvsadm -Ln: forwarding, weight, active and inactive connections. */
        LIST,
        /** ipvsadm -Ln --stats: totals. */
        STATS,
        /** ipvsadm -Ln --rate: rates per second. */
        RATE,
        /** ipvsadm -Ln --persistent-conn: weight, persistent (template), active and inactive connections. */
        PERSISTENT
    }

    private static final String SERVICE_WIDTH = "%-33s";
    private static final String DESTINATION_WIDTH = "  -> %-28s";

    private IpvsListing() {
    }

    static String format(IpvsInfo info, Map<IpvsService, List<IpvsDestination>> table, Mode mode, boolean exact) {
        StringBuilder out = new StringBuilder();
        out.append("IP Virtual Server version ").append(info.versionText()).append(" (size=")
                .append(info.connectionTableSize()).append(")\n");
        out.append(switch (mode) {
            case LIST -> "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
            case STATS -> "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n"
                    + "  -> RemoteAddress:Port\n";
            case RATE -> "Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n"
                    + "  -> RemoteAddress:Port\n";
            case PERSISTENT -> "Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n"
                    + "  -> RemoteAddress:Port\n";
        });
        List<IpvsService> services = new ArrayList<>(table.keySet());
        services.sort(SERVICE_ORDER);
        for (IpvsService service : services) {
            String name = serviceName(service.key());
            if (mode == Mode.LIST || mode == Mode.PERSISTENT) {
                out.append(name).append(' ').append(service.scheduler()).append(flags(service)).append('\n');
            } else {
                out.append(String.format(Locale.ROOT, SERVICE_WIDTH, name))
                        .append(numbers(service.stats().orElse(IpvsStats.ZERO), mode, exact)).append('\n');
            }
            List<IpvsDestination> destinations = new ArrayList<>(table.get(service));
            destinations.sort(DESTINATION_ORDER);
            for (IpvsDestination d : destinations) {
                String endpoint = IpvsText.endpoint(d.address(), d.port());
                if (mode == Mode.LIST) {
                    out.append(String.format(Locale.ROOT, DESTINATION_WIDTH + " %-7s %-6d %-10d %-10d", endpoint,
                            d.forwarding().label(), d.weight(), d.connections().active(), d.connections().inactive()));
                } else if (mode == Mode.PERSISTENT) {
                    out.append(String.format(Locale.ROOT, DESTINATION_WIDTH + " %-9d %-11d %-10d %-10d", endpoint, d.weight(),
                            d.connections().persistent(), d.connections().active(), d.connections().inactive()));
                } else {
                    out.append(String.format(Locale.ROOT, DESTINATION_WIDTH, endpoint))
                            .append(numbers(d.stats().orElse(IpvsStats.ZERO), mode, exact));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** ipvsadm -L --timeout. */
    static String timeouts(IpvsTimeouts timeouts) {
        return "Timeout (tcp tcpfin udp): " + timeouts.tcp() + " " + timeouts.tcpFin() + " " + timeouts.udp() + "\n";
    }

    /** ipvsadm -L --daemon: one line per running sync daemon. */
    static String daemons(List<SyncDaemon> daemons) {
        StringBuilder out = new StringBuilder();
        for (SyncDaemon d : daemons) {
            out.append(d.role().label()).append(" sync daemon (mcast=").append(d.interfaceName()).append(", syncid=")
                    .append(d.syncId()).append(", maxlen=").append(d.maxlen())
                    .append(d.group().map(g -> ", group=" + IpvsText.address(g)).orElse(""))
                    .append(", port=").append(d.port()).append(", ttl=").append(d.ttl()).append(")\n");
        }
        return out.toString();
    }

    /** "TCP  10.0.0.1:80", "SCTP 10.0.0.1:5060", "FWM  8 IPv6". */
    private static String serviceName(IpvsKey key) {
        String text = IpvsText.key(key);
        int space = text.indexOf(' ');
        return String.format(Locale.ROOT, "%-4s %s", text.substring(0, space), text.substring(space + 1));
    }

    /** Scheduler flags in parentheses, then persistence, mask, persistence engine, one-packet scheduling. */
    private static String flags(IpvsService service) {
        StringBuilder out = new StringBuilder();
        List<String> schedulerFlags = new ArrayList<>();
        String prefix = service.scheduler().equals("sh") || service.scheduler().equals("mh") ? service.scheduler() + "-" : null;
        if ((service.flags() & IpvsGenl.SVC_F_SCHED1) != 0) {
            schedulerFlags.add(prefix != null ? prefix + "fallback" : "flag-1");
        }
        if ((service.flags() & IpvsGenl.SVC_F_SCHED2) != 0) {
            schedulerFlags.add(prefix != null ? prefix + "port" : "flag-2");
        }
        if ((service.flags() & IpvsGenl.SVC_F_SCHED3) != 0) {
            schedulerFlags.add("flag-3");
        }
        if (!schedulerFlags.isEmpty()) {
            out.append(" (").append(String.join(",", schedulerFlags)).append(')');
        }
        if (service.persistent()) {
            out.append(" persistent ").append(service.timeout());
            if (service.netmask() != IpvsService.fullNetmask(service.key())) {
                out.append(" mask ").append(service.key().ipv6() ? String.valueOf(service.netmask()) : dotted(service.netmask()));
            }
        }
        service.persistenceEngine().ifPresent(pe -> out.append(" pe ").append(pe));
        if ((service.flags() & IpvsGenl.SVC_F_ONEPACKET) != 0) {
            out.append(" ops");
        }
        return out.toString();
    }

    private static String numbers(IpvsStats stats, Mode mode, boolean exact) {
        List<ToLongFunction<IpvsStats>> columns = mode == Mode.STATS
                ? List.of(IpvsStats::connections, IpvsStats::inPackets, IpvsStats::outPackets, IpvsStats::inBytes, IpvsStats::outBytes)
                : List.of(IpvsStats::connectionsPerSecond, IpvsStats::inPacketsPerSecond, IpvsStats::outPacketsPerSecond,
                        IpvsStats::inBytesPerSecond, IpvsStats::outBytesPerSecond);
        StringBuilder out = new StringBuilder();
        for (ToLongFunction<IpvsStats> column : columns) {
            out.append(number(column.applyAsLong(stats), exact));
        }
        return out.toString();
    }

    /** Nine columns; without --exact, large values in K, M, G or T (thousands, millions, ...). */
    static String number(long value, boolean exact) {
        String digits = Long.toUnsignedString(value);
        if (exact || Long.compareUnsigned(value, 100_000_000L) < 0) {
            return String.format(Locale.ROOT, "%" + Math.max(9, digits.length() + 1) + "s", digits);
        }
        long[] limits = {1_000_000_000L, 100_000_000_000L, 100_000_000_000_000L};
        long[] units = {1_000L, 1_000_000L, 1_000_000_000L};
        String[] suffixes = {"K", "M", "G"};
        for (int i = 0; i < limits.length; i++) {
            if (Long.compareUnsigned(value, limits[i]) < 0) {
                return String.format(Locale.ROOT, "%8s%s", Long.divideUnsigned(value, units[i]), suffixes[i]);
            }
        }
        return String.format(Locale.ROOT, "%8sT", Long.divideUnsigned(value, 1_000_000_000_000L));
    }

    private static String dotted(long mask) {
        return ((mask >> 24) & 0xFF) + "." + ((mask >> 16) & 0xFF) + "." + ((mask >> 8) & 0xFF) + "." + (mask & 0xFF);
    }

    private static final Comparator<IpvsService> SERVICE_ORDER = Comparator
            .comparingLong((IpvsService s) -> s.key() instanceof IpvsKey.Fwmark f ? f.mark() : 0)
            .thenComparingInt(s -> s.key().family())
            .thenComparingInt(s -> s.key() instanceof IpvsKey.Address a ? a.protocol().ordinal() : 0)
            .thenComparing(s -> s.key() instanceof IpvsKey.Address a ? a.address().getAddress() : new byte[0],
                    java.util.Arrays::compareUnsigned)
            .thenComparingInt(s -> s.key() instanceof IpvsKey.Address a ? a.port() : 0);

    private static final Comparator<IpvsDestination> DESTINATION_ORDER = Comparator
            .comparingInt((IpvsDestination d) -> d.address().getAddress().length)
            .thenComparing((IpvsDestination d) -> d.address().getAddress(), java.util.Arrays::compareUnsigned)
            .thenComparingInt(IpvsDestination::port);
}
