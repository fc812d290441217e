package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pagestate.checker.CheckerConfig;
import pagestate.checker.PropertyResult;
import pagestate.checker.Verdict;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * Every bundled spec gives the same verdict for every property with and without the reductions, liveness
 * included (its passes store canonical or merged forms when reductions are on), and counterexamples of the
 * same length and cause.
 */
class ReductionVerdictsTest {

    static Stream<Path> catalogue() throws IOException {
        Path root = Path.of("..", "specs", "catalog");
        assertTrue(Files.isDirectory(root), "run from the cli module: " + root.toAbsolutePath());
        List<Path> files = SpecLoader.discover(root);
        assertTrue(files.size() >= 20, "the catalogue has its specs: " + files.size());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void sameVerdictsWithAndWithoutReductions(Path file) {
        SpecResult loaded = SpecLoader.load(file);
        assertTrue(loaded instanceof SpecResult.Loaded, file + " loads");
        var spec = ((SpecResult.Loaded) loaded).spec();
        CheckerConfig none = CheckerConfig.defaults().withSymmetry(false).withPor(false);
        SpecRun<?, ?> full = SpecRun.run(spec, none);
        SpecRun<?, ?> reduced = SpecRun.run(spec, CheckerConfig.defaults().withThreads(2));
        assertTrue(full.result().complete() && reduced.result().complete(), file + " completes");
        assertTrue(reduced.result().stats().distinctStates() <= full.result().stats().distinctStates());
        assertEquals(full.result().properties().size(), reduced.result().properties().size());
        for (PropertyResult<?, ?> p : full.result().properties()) {
            PropertyResult<?, ?> q = reduced.result().property(p.name()).orElseThrow();
            assertEquals(p.verdict(), q.verdict(), file.getFileName() + " " + p.name());
            if (q.verdict() == Verdict.VIOLATED) {
                assertTrue(q.trace() != null, "a violation has a replayed trace");
                // the reduced counterexample, minimized in the real system, is as short as the unreduced
                // search's shortest one, on every bundled spec (minimizing does not promise it in general)
                assertEquals(p.trace().length(), q.trace().length(), file.getFileName() + " " + p.name() + " trace length");
                assertEquals(p.cause(), q.cause(), file.getFileName() + " " + p.name() + " cause");
            }
            assertTrue(q.cause() == null || !q.cause().contains("could not be lifted"),
                    file.getFileName() + " " + p.name() + ": the reduced liveness counterexample lifts: " + q.cause());
        }
    }
}
