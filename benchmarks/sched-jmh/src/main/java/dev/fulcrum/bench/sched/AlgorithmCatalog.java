package dev.fulcrum.bench.sched;

import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.sched.registry.RoundRobinFallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the algorithms to measure without a framework: every concrete, public {@link SchedulerFactory}
 * with a public no-arg constructor among the class files of the algorithm packages of the
 * dev.fulcrum.sched jar (or classes directory), plus the registry's round-robin fallback, which serves
 * as the reference every other algorithm is compared with in the same run.
 */
public final class AlgorithmCatalog {

    /** The packages of dev.fulcrum.sched that hold algorithms. */
    public static final List<String> ALGORITHM_PACKAGES = List.of("dev.fulcrum.sched.ipvs", "dev.fulcrum.sched.haproxy");

    /** The registry's fallback round robin, the in-run reference. */
    public static final String REFERENCE = "registry-rr";

    private AlgorithmCatalog() {
    }

    /** The reference first, then the discovered algorithms by family and name. */
    public static List<Subject> all() {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject(REFERENCE, "FALLBACK", (settings, servers) -> new RoundRobinFallback(servers)));
        factories(locationOf(RoundRobinFallback.class), ALGORITHM_PACKAGES, AlgorithmCatalog.class.getClassLoader())
                .stream()
                .sorted(Comparator.comparing((SchedulerFactory f) -> f.family().name()).thenComparing(SchedulerFactory::name))
                .forEach(f -> subjects.add(new Subject(f.name(), f.family().name(), f::create)));
        return subjects;
    }

    public static Subject named(String name) {
        return all().stream().filter(subject -> subject.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no algorithm " + name + "; known: "
                        + all().stream().map(Subject::name).toList()));
    }

    /**
     * One instance of every factory class directly in the given packages (not in sub-packages, not nested)
     * of a jar or classes directory.
     */
    public static List<SchedulerFactory> factories(Path location, List<String> packages, ClassLoader loader) {
        List<SchedulerFactory> found = new ArrayList<>();
        for (String className : classNames(location, packages)) {
            instantiable(className, loader).ifPresent(found::add);
        }
        return found;
    }

    private static List<String> classNames(Path location, List<String> packages) {
        List<String> entries = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile)
                            .forEach(file -> entries.add(location.relativize(file).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().forEach(entry -> entries.add(entry.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location, e);
        }
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            int slash = entry.lastIndexOf('/');
            if (!entry.endsWith(".class") || entry.contains("$") || slash < 0) {
                continue;
            }
            String pkg = entry.substring(0, slash).replace('/', '.');
            if (packages.contains(pkg)) {
                names.add(pkg + "." + entry.substring(slash + 1, entry.length() - ".class".length()));
            }
        }
        names.sort(null);
        return names;
    }

    private static Optional<SchedulerFactory> instantiable(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        int modifiers = type.getModifiers();
        if (!SchedulerFactory.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(modifiers)
                || !Modifier.isPublic(modifiers)) {
            return Optional.empty();
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return Optional.of((SchedulerFactory) constructor.newInstance());
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e, e);
        }
    }

    /** The jar or classes directory a class was loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
