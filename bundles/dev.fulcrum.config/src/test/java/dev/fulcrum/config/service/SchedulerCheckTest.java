package dev.fulcrum.config.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ConfigurationRejectedException;
import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.config.keepalived.SourceReader;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** lb_algo and balance names are checked against the scheduler registry when there is one. */
class SchedulerCheckTest {

    private static final Logger SILENT = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                    : null);

    @TempDir
    Path stateDirectory;

    /** Knows the names it is given; nothing else of it is used by the check. */
    private record Registry(SortedSet<String> names) implements SchedulerRegistry {
        @Override
        public Optional<SchedulerFactory> find(String name) {
            return names.contains(name) ? Optional.of((SchedulerFactory) Proxy.newProxyInstance(
                    SchedulerFactory.class.getClassLoader(), new Class<?>[] {SchedulerFactory.class},
                    (proxy, method, args) -> name)) : Optional.empty();
        }

        @Override
        public BalancedPool open(String poolName, String algorithm, SchedulerSettings settings,
                Collection<? extends ServerView> servers) {
            throw new UnsupportedOperationException();
        }
    }

    private static Registry registry(String... names) {
        return new Registry(new TreeSet<>(List.of(names)));
    }

    /** One wlc virtual server (keepalived's default lb_algo) and a roundrobin and a leastconn backend. */
    private static DesiredState state() throws ConfigException {
        String keepalived = """
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    real_server 10.0.1.1 80 {
                    }
                }
                """;
        KeepalivedConfig lvs = KeepalivedConfigs.check(Path.of("k.conf"), Set.of(), new SourceReader() {
            @Override
            public String read(Path file) {
                return keepalived;
            }

            @Override
            public List<Path> glob(Path directory, String pattern) throws IOException {
                return List.of();
            }
        }, false).config().orElseThrow();
        String haproxy = """
                backend a
                    server a1 10.0.2.1:80
                backend b
                    balance leastconn
                    server b1 10.0.2.2:80
                """;
        return DesiredState.EMPTY.withKeepalived(lvs.global(), lvs.vrrp(), lvs.lvs())
                .withProxy(HaproxyConfigs.read(Path.of("h.cfg"), haproxy, Map.of(), false));
    }

    @Test
    void everyUnprovidedAlgorithmIsNamedWithItsPathAndWhatIsAvailable() throws ConfigException {
        List<String> problems = SchedulerCheck.problems(state(), registry("rr", "roundrobin"))
                .stream().map(ConfigProblem::format).toList();
        assertEquals(List.of(
                "desired state:1: error: '$.lvs.virtual_servers[0].scheduler': lb_algo of virtual_server 10.0.0.1 80:"
                        + " no installed bundle provides the algorithm 'wlc'; available: roundrobin, rr",
                "desired state:1: error: '$.proxy.backends[1].balance.algorithm': balance of backend b:"
                        + " no installed bundle provides the algorithm 'leastconn'; available: roundrobin, rr"),
                problems);
        assertEquals(List.of(), SchedulerCheck.problems(state(), registry("wlc", "roundrobin", "leastconn")));
    }

    @Test
    void applyRefusesWhileARegistryLacksANameAndChecksNothingWithoutOne() throws Exception {
        ConfigurationManager manager = new ConfigurationManager(stateDirectory.toString(), SILENT);
        try {
            DesiredState state = state();
            Registry partial = registry("wlc", "roundrobin");
            manager.bindSchedulers(partial);
            ConfigurationRejectedException e = assertThrows(ConfigurationRejectedException.class,
                    () -> manager.apply(state, "needs leastconn"));
            assertEquals(1, e.problems().size());
            assertEquals(Optional.empty(), manager.current(), "nothing stored");

            manager.unbindSchedulers(partial);
            assertEquals(1, manager.apply(state, "unchecked").number());
            manager.bindSchedulers(registry("wlc", "roundrobin", "leastconn"));
            assertEquals(2, manager.apply(state, "checked").number());
        } finally {
            manager.deactivate();
        }
    }
}
