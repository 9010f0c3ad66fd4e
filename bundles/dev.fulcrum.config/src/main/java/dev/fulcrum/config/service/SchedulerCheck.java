package dev.fulcrum.config.service;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.sched.SchedulerRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Every algorithm a desired state names must be provided by an installed bundle: keepalived.conf(5)
 * {@code lb_algo} of each virtual_server and configuration.txt 4.2 {@code balance} of each backend,
 * looked up by name in the {@link SchedulerRegistry} (one name space for both, see
 * dev.fulcrum.api.sched). Problems are located by the model's JSON path (docs/json-model.md).
 */
final class SchedulerCheck {

    static final String SOURCE = "desired state";

    private SchedulerCheck() {
    }

    static List<ConfigProblem> problems(DesiredState state, SchedulerRegistry registry) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<VirtualServer> virtualServers = state.lvs().virtualServers();
        for (int i = 0; i < virtualServers.size(); i++) {
            VirtualServer server = virtualServers.get(i);
            check(registry, server.scheduler().ipvsName(), "$.lvs.virtual_servers[" + i + "].scheduler",
                    "lb_algo of virtual_server " + server.key().text(), problems);
        }
        List<Backend> backends = state.proxy().backends();
        for (int i = 0; i < backends.size(); i++) {
            Backend backend = backends.get(i);
            check(registry, backend.balance().algorithm().keyword(), "$.proxy.backends[" + i + "].balance.algorithm",
                    "balance of backend " + backend.name(), problems);
        }
        return problems;
    }

    private static void check(SchedulerRegistry registry, String name, String path, String what,
            List<ConfigProblem> problems) {
        if (registry.find(name).isEmpty()) {
            problems.add(ConfigProblem.error(new SourceLocation(SOURCE, 1, 0), path,
                    what + ": no installed bundle provides the algorithm '" + name + "'; available: "
                            + String.join(", ", registry.names())));
        }
    }
}
