package dev.fulcrum.os.internal;

import dev.fulcrum.api.os.Command;
import dev.fulcrum.api.os.KernelModules;
import dev.fulcrum.api.os.ProcessResult;
import dev.fulcrum.api.os.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Kernel modules as the kernel and kmod see them: /sys/module and /proc/modules for what is in
 * the kernel now, modules.builtin and modules.dep under /lib/modules/RELEASE for what could be.
 */
@Component(service = KernelModules.class)
public final class SysfsKernelModules implements KernelModules {

    /** Module names are C identifiers plus '-', which file names may use (scripts/Makefile.lib: modname). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** modules.dep names the module file, compressed or not (kmod: libkmod-util.c, path_to_modname). */
    private static final Pattern MODULE_FILE = Pattern.compile("(.+)\\.ko(\\.xz|\\.zst|\\.gz)?");

    static final Duration MODPROBE_TIMEOUT = Duration.ofSeconds(10);

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final Path root;
    private final ProcessRunner runner;

    /** For DS: the real filesystem. */
    @Activate
    public SysfsKernelModules(@Reference(name = "runner") ProcessRunner runner) {
        this(Path.of("/"), runner);
    }

    /**
     * @param root   the filesystem root: "/" in production, a fake tree in tests
     * @param runner runs modprobe(8) for {@link #load}
     */
    public SysfsKernelModules(Path root, ProcessRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    @Override
    public boolean isLoaded(String module) {
        String name = normalize(module);
        // /sys/module/NAME: every loaded module, and built-in modules that have parameters
        // (kernel/params.c, param_sysfs_builtin). /proc/modules: loaded modules (kernel/module/procfs.c).
        return Files.isDirectory(root.resolve("sys/module").resolve(name))
                || firstFieldMatches(root.resolve("proc/modules"), name);
    }

    @Override
    public boolean isAvailable(String module) {
        String name = normalize(module);
        if (isLoaded(name)) {
            return true;
        }
        Optional<String> release = KernelRelease.read(root);
        if (release.isEmpty()) {
            Logging.debug(log, "kernel release unreadable: cannot look for module {} in the module tree", name);
            return false;
        }
        for (Path tree : moduleTrees(release.get())) {
            if (listsModule(tree.resolve("modules.builtin"), name) || listsModule(tree.resolve("modules.dep"), name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void load(String module) throws IOException {
        String name = normalize(module);
        if (isLoaded(name)) {
            Logging.debug(log, "kernel module {} already loaded", name);
            return;
        }
        // "--": the name can never be taken for an option (it is validated anyway).
        Command command = Command.of("modprobe", "--", name).withTimeout(MODPROBE_TIMEOUT);
        ProcessResult result = runner.run(command);
        if (!result.succeeded()) {
            String err = result.stderr().strip();
            throw new IOException("cannot load kernel module " + name + ": "
                    + (err.isEmpty() || result.timedOut() ? result.describe(command) : err));
        }
        Logging.info(log, "loaded kernel module {}", name);
    }

    /**
     * Validates and normalises a module name: the kernel replaces '-' by '_' in module names
     * (scripts/Makefile.lib, KBUILD_MODNAME), and kmod compares them that way too.
     */
    static String normalize(String module) {
        if (module == null || !NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("invalid kernel module name '" + module
                    + "': only letters, digits, '_' and '-' are allowed");
        }
        return module.replace('-', '_');
    }

    /** The module name a modules.dep or modules.builtin entry stands for, or null. */
    static String moduleName(String entry) {
        int colon = entry.indexOf(':'); // modules.dep: "path: dependency paths..."
        String path = (colon < 0 ? entry : entry.substring(0, colon)).strip();
        String file = path.substring(path.lastIndexOf('/') + 1);
        var matcher = MODULE_FILE.matcher(file);
        return matcher.matches() ? matcher.group(1).replace('-', '_') : null;
    }

    /** /lib/modules, and /usr/lib/modules for merged-/usr systems without the /lib link (kmod 31+). */
    private List<Path> moduleTrees(String release) {
        return List.of(root.resolve("lib/modules").resolve(release), root.resolve("usr/lib/modules").resolve(release));
    }

    private boolean listsModule(Path index, String name) {
        return anyLine(index, line -> name.equals(moduleName(line)));
    }

    private boolean firstFieldMatches(Path file, String name) {
        // /proc/modules: "name size refcount deps state address"
        return anyLine(file, line -> {
            int space = line.indexOf(' ');
            return (space < 0 ? line : line.substring(0, space)).replace('-', '_').equals(name);
        });
    }

    private boolean anyLine(Path file, java.util.function.Predicate<String> test) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(test);
        } catch (IOException | UncheckedIOException e) {
            Logging.debug(log, "cannot read {}: {}", file, e.getMessage());
            return false;
        }
    }
}
