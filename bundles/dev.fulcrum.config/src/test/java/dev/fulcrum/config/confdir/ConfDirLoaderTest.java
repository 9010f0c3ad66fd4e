package dev.fulcrum.config.confdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.model.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfDirLoaderTest {

    @TempDir
    Path directory;

    private ConfDirLoader loader() {
        return new ConfDirLoader(directory, Set.of("lb1"), Map.of());
    }

    @Test
    void anEmptyDirectoryIsTheEmptyState() throws ConfigException {
        assertEquals(DesiredState.EMPTY, loader().load().state());
    }

    @Test
    void eachFileFillsItsPartAndAMissingOneLeavesItsPartEmpty() throws ConfigException {
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        DesiredState proxyOnly = loader().load().state();
        assertEquals(List.of("app"), proxyOnly.proxy().backends().stream().map(b -> b.name()).toList());
        assertEquals(DesiredState.EMPTY.vrrp(), proxyOnly.vrrp());

        ConfDirFiles.write(directory, "keepalived.conf", ConfDirFiles.KEEPALIVED);
        DesiredState both = loader().load().state();
        assertEquals(proxyOnly.proxy(), both.proxy());
        assertEquals(51, both.vrrp().instances().get(0).virtualRouterId());
    }

    @Test
    void problemsOfBothFilesAreReportedTogetherWithTheirLocations() {
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY_BROKEN);
        ConfDirFiles.write(directory, "keepalived.conf", ConfDirFiles.KEEPALIVED_BROKEN);
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load());
        List<String> problems = e.problems().stream().map(ConfigProblem::format).toList();
        String keepalived = directory.resolve("keepalived.conf").toString();
        String haproxy = directory.resolve("haproxy.cfg").toString();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(keepalived + ":4:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(haproxy + ":12:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(haproxy + ":13:")), problems.toString());
    }

    @Test
    void stampsSeeAbsenceAndReplacement() {
        List<FileStamp> empty = loader().stamps();
        assertEquals(List.of(FileStamp.absent("keepalived.conf"), FileStamp.absent("haproxy.cfg")), empty);
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        List<FileStamp> written = loader().stamps();
        assertTrue(written.get(1).present());
        ConfDirFiles.write(directory, "haproxy.cfg", ConfDirFiles.HAPROXY);
        assertTrue(!written.equals(loader().stamps()), "same text and size, but a new file");
    }
}
