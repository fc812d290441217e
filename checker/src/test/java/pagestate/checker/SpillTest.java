package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frontier spilled to file: with pages of four states and a spill threshold of one byte, every full
 * page of both frontiers is written out after every block and read back to be expanded, and the run is
 * the one held in memory (states, transitions, depth, verdicts, traces), which the naive reference
 * explorer confirms, at 1 and 2 threads, with fingerprints and exact states, with reductions, and when
 * the state limit cuts a level.
 */
class SpillTest {

    /** Spill everything, pages of 4 states, blocks of about 40 candidates (many blocks per level). */
    private static final SearchTuning SPILL = new SearchTuning(40, 1, 2);

    private static final CheckerConfig[] CONFIGS = {
        CheckerConfig.defaults(),
        CheckerConfig.defaults().withThreads(2),
        CheckerConfig.defaults().withExact(true),
        CheckerConfig.defaults().withExact(true).withThreads(2),
    };

    @Test
    void randomGraphsMatchTheInMemoryRunAndTheReference() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            GraphSystem g = GraphSystem.random(seed, 2_000, false);
            for (CheckerConfig config : CONFIGS) {
                CheckResult<Integer, GraphSystem.Move> spilled = Checker.check(g, config, SPILL);
                assertEquals(BlockSizeTest.summary(Checker.check(g, config)), BlockSizeTest.summary(spilled));
                matchesReference(g, spilled);
            }
        });
    }

    @Test
    void reducedSystemsMatchTheInMemoryRun() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            ProductSystem g = ProductSystem.random(seed, true, true);
            for (CheckerConfig config : new CheckerConfig[] {CheckerConfig.defaults(),
                    CheckerConfig.defaults().withSymmetry(false).withThreads(2), CheckerConfig.defaults().withExact(true)}) {
                assertEquals(BlockSizeTest.summary(Checker.check(g, config)),
                        BlockSizeTest.summary(Checker.check(g, config, SPILL)));
            }
        });
    }

    @Test
    void aStateLimitCutsASpilledLevelTheSameWay() {
        SyntheticSystem sys = new SyntheticSystem(300_000, 3, 5);
        for (long max : new long[] {3, 1_000, 50_001}) {
            for (int threads : new int[] {1, 2}) {
                CheckerConfig config = CheckerConfig.defaults().withMaxStates(max).withThreads(threads);
                List<Object> expected = BlockSizeTest.summary(Checker.check(sys, config));
                assertEquals(expected, BlockSizeTest.summary(Checker.check(sys, config, new SearchTuning(4_000, 1, 4))));
            }
        }
    }

    @Test
    void pagesAreReallyWrittenAndTheFilesDeleted() {
        GraphSystem g = GraphSystem.random(7, 20_000, false);
        CheckerConfig config = CheckerConfig.defaults();
        try (Workers workers = new Workers(1)) {
            BreadthFirstSearch<Integer, GraphSystem.Move> bfs =
                    new BreadthFirstSearch<>(g, config, new RunLimits(config), workers, SPILL, null, new PhaseClock());
            bfs.run();
            assertTrue(bfs.complete());
            assertEquals(Reference.reachable(g), bfs.states());
            assertTrue(bfs.spilledPages() > 0, "pages were spilled");
        }
    }

    @Test
    void theSpillFolderIsPrivateToTheRunAndDeleted() throws IOException {
        SpillFolder folder = new SpillFolder();
        assertFalse(folder.used());
        Path file = folder.newFile("frontier");
        Files.write(file, new byte[] {1, 2, 3});
        Path dir = file.getParent();
        assertTrue(dir.getFileName().toString().startsWith("pagestate-spill-"));
        assertTrue(Files.isDirectory(dir));
        folder.close();
        assertFalse(Files.exists(dir), "folder deleted with its files");
    }

    /** The run's figures and safety verdicts are the reference explorer's. */
    private static void matchesReference(GraphSystem g, CheckResult<Integer, GraphSystem.Move> r) {
        assertTrue(r.complete());
        assertEquals(Reference.reachable(g), r.stats().distinctStates());
        assertEquals(java.util.Arrays.stream(Reference.distances(g)).max().orElse(0), r.stats().maxDepth());
        for (int p = 0; p < g.bad.size(); p++) shortest(g, r.property("inv" + p).orElseThrow(), g.bad.get(p));
        shortest(g, r.property("no_deadlock").orElseThrow(), Reference.deadlocks(g));
    }

    private static void shortest(GraphSystem g, PropertyResult<Integer, GraphSystem.Move> result, BitSet bad) {
        int shortest = Reference.shortestTo(g, bad);
        if (shortest < 0) {
            assertEquals(Verdict.HOLDS, result.verdict(), result.name());
            return;
        }
        assertEquals(Verdict.VIOLATED, result.verdict(), result.name());
        Trace<Integer, GraphSystem.Move> t = result.trace();
        assertNotNull(t);
        assertTrue(g.valid(t) && bad.get(t.last()), "a path from an initial state to a violating one");
        assertEquals(shortest, t.length(), "a shortest counterexample");
    }
}
