package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.sched.SchedulerFactory;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One factory per configuration.txt 4.2 "balance" keyword, with clear refusals of wrong arguments. */
class FactoriesTest {

    static final List<SchedulerFactory> ALL = List.of(new RoundRobinFactory(), new StaticRoundRobinFactory(),
            new LeastConnFactory(), new FirstFactory(), new SourceFactory(), new UriFactory(), new UrlParamFactory(),
            new HeaderFactory(), new RdpCookieFactory(), new RandomFactory());

    @Test
    void everyKeywordButHashHasAFactoryOfTheHaproxyFamily() {
        Set<String> names = ALL.stream().map(SchedulerFactory::name).collect(Collectors.toSet());
        Set<String> keywords = Arrays.stream(Algorithm.values()).filter(a -> a != Algorithm.HASH)
                .map(Algorithm::keyword).collect(Collectors.toSet());

        assertEquals(keywords, names);
        assertEquals(ALL.size(), names.size());
        ALL.forEach(f -> assertEquals(SchedulerFactory.Family.HAPROXY, f.family(), f.name()));
    }

    @Test
    void factoriesArePublicWithAPublicNoArgumentConstructorForDsAndTheBenchmarkHarness() throws Exception {
        for (SchedulerFactory factory : ALL) {
            Class<?> type = factory.getClass();
            assertTrue(Modifier.isPublic(type.getModifiers()), type.getName());
            assertEquals(factory.name(), ((SchedulerFactory) type.getConstructor().newInstance()).name());
        }
    }

    @Test
    void everyFactoryCreatesFromDefaultsButThoseThatNeedAName() {
        for (SchedulerFactory factory : ALL) {
            boolean needsName = factory.name().equals("url_param") || factory.name().equals("hdr");
            if (needsName) {
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> factory.create(Picking.settings(), List.of(TestServer.of("a"))));
                assertEquals("balance " + factory.name() + " needs name", error.getMessage());
            } else {
                assertEquals("a", Picking.sequence(factory.create(Picking.settings(), List.of(TestServer.of("a"))), 1));
            }
        }
    }

    @Test
    void argumentsOfAnotherAlgorithmAreRefused() {
        Balance uri = Balance.uri(OptionalInt.of(10), OptionalInt.empty(), false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RoundRobinFactory().create(Picking.settings(uri), List.of()));
        assertEquals("the arguments of balance uri were given to balance roundrobin", error.getMessage());
    }

    @Test
    void anEmptyPoolPicksNothing() {
        ALL.forEach(f -> assertEquals("-", Picking.sequence(f.create(Picking.settings(arguments(f)), List.of()), 1),
                f.name()));
    }

    /** Arguments every factory accepts: its defaults, and a name where one is needed. */
    static Balance arguments(SchedulerFactory factory) {
        return switch (factory.name()) {
            case "url_param" -> Balance.urlParam("user", true);
            case "hdr" -> Balance.hdr("Host", true);
            default -> Balance.of(Algorithm.forKeyword(factory.name()).orElseThrow());
        };
    }

    @Test
    void theServerCollectionIsCopiedNotKept() {
        ArrayList<TestServer> servers = new ArrayList<>(List.of(TestServer.of("a")));
        var scheduler = new StaticRoundRobinFactory().create(Picking.settings(), servers);
        servers.add(TestServer.of("b"));

        assertEquals("a a", Picking.sequence(scheduler, 2), "the owner reports additions through serverAdded");
    }
}
