package dev.fulcrum.bench.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.bench.sched.sample.SampleFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discovery the benchmark relies on, over a classes directory and over a jar. */
class AlgorithmCatalogTest {

    private static final List<String> SAMPLE = List.of("dev.fulcrum.bench.sched.sample");

    @TempDir
    Path temporary;

    private static List<String> names(List<SchedulerFactory> factories) {
        return factories.stream().map(factory -> factory.getClass().getName()).toList();
    }

    @Test
    void findsOnlyConcreteFactoriesWithANoArgConstructorInAClassesDirectory() {
        Path classes = AlgorithmCatalog.locationOf(SampleFactory.class);
        assertTrue(Files.isDirectory(classes), classes.toString());
        List<SchedulerFactory> found = AlgorithmCatalog.factories(classes, SAMPLE, getClass().getClassLoader());
        assertEquals(List.of(SampleFactory.class.getName()), names(found));
        assertEquals("sample", found.get(0).name());
    }

    @Test
    void findsTheSameInAJar() throws Exception {
        Path classes = AlgorithmCatalog.locationOf(SampleFactory.class);
        Path jar = temporary.resolve("algorithms.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes.resolve("dev/fulcrum/bench/sched/sample"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        List<SchedulerFactory> found = AlgorithmCatalog.factories(jar, SAMPLE, getClass().getClassLoader());
        assertEquals(List.of(SampleFactory.class.getName()), names(found));
    }

    @Test
    void otherPackagesAreNotScanned() {
        Path classes = AlgorithmCatalog.locationOf(SampleFactory.class);
        assertEquals(List.of(), AlgorithmCatalog.factories(classes, List.of("dev.fulcrum.bench"),
                getClass().getClassLoader()));
    }

    @Test
    void theReferenceIsAlwaysThereAndPicks() {
        Subject reference = AlgorithmCatalog.named(AlgorithmCatalog.REFERENCE);
        assertEquals(AlgorithmCatalog.REFERENCE, AlgorithmCatalog.all().get(0).name());
        assertTrue(reference.over(Workload.servers(10))
                .pick(Workload.requests()[0]).isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlgorithmCatalog.named("nope"));
        assertTrue(e.getMessage().startsWith("no algorithm nope; known: [registry-rr"), e.getMessage());
    }
}
