package dev.fulcrum.config.confdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.api.reconcile.ConfigurationRejectedException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The watcher's polls driven by hand: no framework, no timer. */
class ConfDirWatcherTest {

    private static final Logger SILENT = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                    : null);

    @TempDir
    Path directory;

    private final MemoryConfigurationService configuration = new MemoryConfigurationService();

    private ConfDirWatcher watcher() {
        return new ConfDirWatcher(new ConfDirApplier(new ConfDirLoader(directory, Set.of(), Map.of()), configuration),
                SILENT);
    }

    @Test
    void aChangedFileIsAppliedOnceItHeldStillForAPoll() {
        ConfDirWatcher watcher = watcher();
        assertEquals("configuration directory unchanged\n", watcher.applyNow());
        watcher.poll();
        watcher.poll();
        assertTrue(configuration.revisions.isEmpty());

        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        watcher.poll();
        assertTrue(configuration.revisions.isEmpty(), "seen once: it may still be written");
        watcher.poll();
        assertEquals(1, configuration.revisions.size());
        assertEquals("configuration directory: haproxy.cfg changed", configuration.revisions.get(0).comment());
        watcher.poll();
        assertEquals(1, configuration.revisions.size());
        assertEquals(Optional.empty(), watcher.problem());
    }

    @Test
    void theCommentNamesWhatChanged() {
        List<FileStamp> before = List.of(FileStamp.absent("keepalived.conf"),
                new FileStamp("haproxy.cfg", true, 10, 1, "inode 1"));
        List<FileStamp> after = List.of(new FileStamp("keepalived.conf", true, 5, 2, "inode 2"),
                FileStamp.absent("haproxy.cfg"));
        assertEquals("keepalived.conf changed, haproxy.cfg removed", ConfDirWatcher.changed(before, after));
        assertEquals("keepalived.conf changed", ConfDirWatcher.changed(before, List.of(after.get(0), before.get(1))));
    }

    @Test
    void aRejectedFileIsTheProblemUntilItIsFixed() {
        ConfDirWatcher watcher = watcher();
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        watcher.applyNow();
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY_BROKEN);
        watcher.poll();
        watcher.poll();
        String haproxy = directory.resolve("haproxy.cfg").toString();
        assertEquals(Optional.of(haproxy + " rejected: 2 errors; revision 1 stays current"), watcher.problem());
        String report = watcher.applyNow();
        assertTrue(report.startsWith(haproxy + ":12:"), report);
        assertTrue(report.endsWith(haproxy + " rejected: 2 errors; revision 1 stays current\n"), report);

        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        watcher.poll();
        watcher.poll();
        assertEquals(Optional.empty(), watcher.problem());
        assertEquals(1, configuration.revisions.size(), "fixed back to what revision 1 holds: nothing new");
    }

    @Test
    void filesTheServiceRefusedAreRetriedAtEveryPollUntilItTakesThem() {
        ConfDirWatcher watcher = watcher();
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        ConfigProblem missing = ConfigProblem.error(new SourceLocation("desired state", 1, 0),
                "$.proxy.backends[0].balance.algorithm", "no installed bundle provides the algorithm 'roundrobin'");
        configuration.refuse = () -> new ConfigurationRejectedException(List.of(missing));
        assertTrue(watcher.applyNow().endsWith("configuration directory refused: 1 error; no revision current\n"));
        assertEquals(Optional.of("configuration directory refused: 1 error; no revision current"), watcher.problem());

        watcher.poll(); // the files did not change, but the service may take them now
        assertEquals(1, configuration.revisions.size());
        assertEquals("configuration directory: fulcrum:apply", configuration.revisions.get(0).comment());
        assertEquals(Optional.empty(), watcher.problem());
        watcher.poll();
        assertEquals(1, configuration.revisions.size(), "nothing more to retry");
    }

    @Test
    void withoutADirectoryApplyExplains() {
        ConfDirWatcher watcher = new ConfDirWatcher(null, SILENT);
        assertEquals("no configuration directory: framework property fulcrum.conf.dir is not set\n", watcher.applyNow());
        assertEquals(Optional.empty(), watcher.problem());
    }
}
