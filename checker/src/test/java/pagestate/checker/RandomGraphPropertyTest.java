package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The engine against a naive reference explorer, on random transition systems. */
class RandomGraphPropertyTest {

    private static final CheckerConfig[] CONFIGS = {
        CheckerConfig.defaults(),
        CheckerConfig.defaults().withThreads(2),
        CheckerConfig.defaults().withExact(true),
        CheckerConfig.defaults().withExact(true).withThreads(2),
    };

    @Test
    void safetyMatchesReference() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            GraphSystem g = GraphSystem.random(seed, 300, false);
            for (CheckerConfig config : CONFIGS) compare(g, config);
        });
    }

    @Test
    void bigChunkedLevelsMatchReference() {
        // more than one 1024-state chunk per level, so workers really share levels
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            GraphSystem g = GraphSystem.random(seed, 20_000, false);
            for (CheckerConfig config : CONFIGS) compare(g, config.withThreads(config.threads() == 1 ? 1 : 3));
        });
    }

    private static void compare(GraphSystem g, CheckerConfig config) {
        CheckResult<Integer, GraphSystem.Move> r = Checker.check(g, config);
        assertTrue(r.complete());
        assertEquals(Reference.reachable(g), r.stats().distinctStates(), "distinct states");
        int[] dist = Reference.distances(g);
        int maxDepth = java.util.Arrays.stream(dist).max().orElse(0);
        assertEquals(maxDepth, r.stats().maxDepth(), "max depth");
        for (int p = 0; p < g.bad.size(); p++) {
            checkSafety(g, r.property("inv" + p).orElseThrow(), g.bad.get(p));
        }
        checkSafety(g, r.property("no_deadlock").orElseThrow(), Reference.deadlocks(g));
    }

    private static void checkSafety(GraphSystem g, PropertyResult<Integer, GraphSystem.Move> result, BitSet bad) {
        int shortest = Reference.shortestTo(g, bad);
        if (shortest < 0) {
            assertEquals(Verdict.HOLDS, result.verdict(), result.name());
            return;
        }
        assertEquals(Verdict.VIOLATED, result.verdict(), result.name());
        Trace<Integer, GraphSystem.Move> t = result.trace();
        assertNotNull(t);
        assertTrue(g.valid(t), "trace is a path from an initial state");
        assertTrue(bad.get(t.last()), "trace ends in a violating state");
        assertEquals(shortest, t.length(), "trace is a shortest counterexample");
        assertEquals(-1, t.loopStart());
    }
}
