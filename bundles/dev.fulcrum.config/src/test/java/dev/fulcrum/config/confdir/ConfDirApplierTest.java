package dev.fulcrum.config.confdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.reconcile.ConfigurationRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfDirApplierTest {

    @TempDir
    Path directory;

    private final MemoryConfigurationService configuration = new MemoryConfigurationService();
    private ConfDirApplier applier;

    @BeforeEach
    void applier() {
        applier = new ConfDirApplier(new ConfDirLoader(directory, Set.of(), Map.of()), configuration);
    }

    @Test
    void anEmptyDirectoryOnAFreshBoxStoresNothing() {
        ApplyOutcome outcome = applier.apply("start");
        assertEquals(ApplyOutcome.Kind.UNCHANGED, outcome.kind());
        assertEquals("configuration directory unchanged", outcome.summary());
        assertTrue(configuration.revisions.isEmpty());
    }

    @Test
    void aNewStateIsARevisionTheSameOneIsNot() {
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        ApplyOutcome first = applier.apply("haproxy.cfg changed");
        assertEquals(ApplyOutcome.Kind.APPLIED, first.kind());
        assertEquals(1, first.revision());
        assertEquals("configuration directory: haproxy.cfg changed", configuration.revisions.get(0).comment());
        assertEquals("configuration directory applied as revision 1\n", first.report());

        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY + "# only a comment more\n");
        ApplyOutcome again = applier.apply("fulcrum:apply");
        assertEquals(ApplyOutcome.Kind.UNCHANGED, again.kind());
        assertEquals("configuration directory unchanged (revision 1)", again.summary());
        assertEquals(1, configuration.revisions.size());
    }

    @Test
    void aBrokenFileIsRejectedWholeAndTheCurrentRevisionStaysUntilItIsFixed() {
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        applier.apply("start");
        ConfDirFiles.write(directory, "keepalived.conf", ConfDirFiles.KEEPALIVED);
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY_BROKEN);

        ApplyOutcome rejected = applier.apply("change");
        assertEquals(ApplyOutcome.Kind.REJECTED, rejected.kind());
        assertTrue(rejected.refused());
        assertTrue(!rejected.worthRetrying(), "the same files fail the same way");
        String haproxy = directory.resolve("haproxy.cfg").toString();
        assertEquals(List.of(haproxy), rejected.rejectedFiles(), "keepalived.conf is fine");
        assertEquals(haproxy + " rejected: 2 errors; revision 1 stays current", rejected.summary());
        assertEquals(1, configuration.revisions.size(), "nothing of it applied, not even the valid keepalived.conf");
        assertTrue(rejected.report().startsWith(haproxy + ":12:"), rejected.report());

        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        ApplyOutcome fixed = applier.apply("change");
        assertEquals(ApplyOutcome.Kind.APPLIED, fixed.kind());
        assertEquals(2, fixed.revision());
        assertEquals(51, configuration.revisions.get(1).state().vrrp().instances().get(0).virtualRouterId());
    }

    @Test
    void aStateTheServiceRefusesIsRejectedAndAStoreFailureIsAFailure() {
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        ConfigProblem noAlgorithm = ConfigProblem.error(new SourceLocation("desired state", 1, 0),
                "$.proxy.backends[0].balance.algorithm", "no installed bundle provides the algorithm 'roundrobin'");
        configuration.refuse = () -> new ConfigurationRejectedException(List.of(noAlgorithm));
        ApplyOutcome refused = applier.apply("start");
        assertEquals(ApplyOutcome.Kind.REFUSED, refused.kind());
        assertEquals(List.of(noAlgorithm), refused.problems());
        assertEquals("configuration directory refused: 1 error; no revision current", refused.summary());
        assertTrue(refused.worthRetrying(), "the algorithm's bundle may still be starting");

        configuration.refuse = () -> new UncheckedIOException("disk full", new IOException("disk full"));
        ApplyOutcome failed = applier.apply("fulcrum:apply");
        assertEquals(ApplyOutcome.Kind.FAILED, failed.kind());
        assertEquals("configuration directory not applied: disk full; no revision current", failed.summary());

        assertEquals(ApplyOutcome.Kind.APPLIED, applier.apply("fulcrum:apply").kind());
    }
}
