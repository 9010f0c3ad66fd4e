package dev.fulcrum.proxy.service;

import dev.fulcrum.api.proxy.ProxyStats;
import dev.fulcrum.api.proxy.StatCsv;
import dev.fulcrum.api.proxy.StatRow;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fulcrum:stat [PROXY...]} in the Gogo shell: the proxy's counters as HAProxy's
 * {@code show stat} prints them on its stats socket (management.txt 9.3 "show stat"): the
 * {@code # pxname,svname,...} header, then one CSV line per frontend, server and backend, only
 * those of the named proxies when names are given.
 */
@Component(service = StatCommand.class, property = {
        "osgi.command.scope=fulcrum",
        "osgi.command.function=stat"})
public final class StatCommand {

    static final String USAGE = "usage: fulcrum:stat [PROXY...]";

    private final ProxyStats stats;

    @Activate
    public StatCommand(@Reference ProxyStats stats) {
        this.stats = stats;
    }

    public String stat(String... proxies) {
        for (String name : proxies) {
            if (name.startsWith("-")) {
                return "fulcrum:stat: unknown option " + name + "\n" + USAGE + "\n";
            }
        }
        List<StatRow> rows = stats.rows();
        List<String> wanted = List.of(proxies);
        List<String> unknown = wanted.stream().filter(n -> rows.stream().noneMatch(r -> r.proxy().equals(n))).toList();
        if (!unknown.isEmpty()) {
            return "fulcrum:stat: no frontend or backend named " + String.join(", ", unknown) + "\n";
        }
        return StatCsv.format(wanted.isEmpty() ? rows : rows.stream().filter(r -> wanted.contains(r.proxy())).toList());
    }
}
