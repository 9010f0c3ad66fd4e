package dev.fulcrum.sched.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.sched.common.TestRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FactoriesTest {

    /** keepalived.conf(5) {@code lb_algo}. */
    private static final Set<String> LB_ALGO = Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed",
            "nq", "mh", "fo", "ovf", "twos");

    @Test
    void oneFactoryPerKeepalivedAlgorithm() {
        assertEquals(new TreeSet<>(LB_ALGO),
                Algorithms.ALL.stream().map(SchedulerFactory::name).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(Algorithms.ALL.stream().allMatch(f -> f.family() == SchedulerFactory.Family.IPVS));
    }

    @Test
    void everyAlgorithmStartsEmptyAndRejectsMissingSettings() throws ReflectiveOperationException {
        for (SchedulerFactory factory : Algorithms.ALL) {
            // The benchmark harness instantiates factories reflectively.
            SchedulerFactory fresh = factory.getClass().getConstructor().newInstance();
            assertTrue(fresh.create(SchedulerSettings.defaults(), List.of()).pick(TestRequest.from("10.0.0.1"))
                    .isEmpty(), factory.name());
            NullPointerException error = assertThrows(NullPointerException.class, () -> fresh.create(null, List.of()));
            assertEquals("settings", error.getMessage());
            error = assertThrows(NullPointerException.class, () -> fresh.create(SchedulerSettings.defaults(), null));
            assertEquals("servers", error.getMessage());
        }
    }
}
