package dev.fulcrum.ipvs.internal;

import dev.fulcrum.testing.GuestRun;
import dev.fulcrum.testing.QemuGuest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Runs one of this module's {@code src/test/guest} scripts in one boot of the kernel rig's guest. */
final class GuestScripts {

    private GuestScripts() {
    }

    /** The repository root (tests run in the module's directory). */
    static Path repository() {
        return Path.of("").toAbsolutePath().getParent().getParent();
    }

    static GuestRun run(String script, Duration timeout, String... args) throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String mavenRepository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String arguments = Arrays.stream(args).map(a -> " '" + a + "'").collect(Collectors.joining());
        return QemuGuest.run("export FULCRUM_REPO='" + repository() + "' MAVEN_REPOSITORY='" + mavenRepository + "'\n"
                + "exec bash '" + module.resolve("src/test/guest/" + script) + "'" + arguments + "\n", timeout);
    }
}
