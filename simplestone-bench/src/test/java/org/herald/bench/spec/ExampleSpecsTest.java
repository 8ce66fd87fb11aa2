package org.herald.bench.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The specifications shipped in specs/ stay valid as the spec grows. */
class ExampleSpecsTest {

    static Stream<Path> specs() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("specs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void parses(Path file) throws Exception {
        BenchSpec spec = SpecLoader.load(file, List.of());
        assertTrue(spec.output().dir().startsWith("simplestone-bench/results/"), "results stay in the ignored directory");
        if (spec.watch().filterFile() != null) {
            assertTrue(Files.exists(Path.of("..").resolve(spec.watch().filterFile())), spec.watch().filterFile());
        }
    }
}
