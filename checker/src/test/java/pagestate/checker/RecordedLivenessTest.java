package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Liveness on the graph the safety search records ({@link EdgeRecording}) against liveness exploring the
 * graph again ({@link GraphExploration}), on random graphs and random products of processes (with symmetry
 * and partial-order reduction declared), at 1 and 2 threads: the same graph state by state, and from the
 * checker the same verdicts, causes, traces and figures.
 */
class RecordedLivenessTest {

    private static final CheckerConfig NONE = CheckerConfig.defaults().withSymmetry(false).withPor(false);

    /** A random system with liveness: a graph, or a product with its reductions declared or not. */
    private static TransitionSystem<?, ?> random(long seed) {
        Random r = new Random(seed);
        return switch (r.nextInt(3)) {
            case 0 -> GraphSystem.random(seed, 12, true);
            case 1 -> ProductSystem.random(seed, r.nextBoolean(), r.nextBoolean(), false);
            default -> ProductSystem.random(seed, true, r.nextBoolean(), true);
        };
    }

    private static List<CheckerConfig> configs() {
        return List.of(NONE, NONE.withSymmetry(true), NONE.withPor(true), CheckerConfig.defaults());
    }

    @Test
    void recordedGraphIsTheExploredGraph() {
        AtomicInteger compared = new AtomicInteger();
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            for (CheckerConfig config : configs()) {
                for (int threads = 1; threads <= 2; threads++) {
                    compared.addAndGet(compare(random(seed), config.withThreads(threads), "seed " + seed + " " + config));
                }
            }
        });
        assertTrue(compared.get() > 1000, "graphs compared: " + compared);
    }

    /** Compares every property's recorded graph (in the search's form) with the explored one; returns how many. */
    private static <S, A> int compare(TransitionSystem<S, A> plain, CheckerConfig config, String at) {
        TransitionSystem<S, A> system = new EncodedGoals<>(plain);
        if (system.liveness().isEmpty()) return 0;
        EdgeRecording recording = new EdgeRecording(config.threads(), Long.MAX_VALUE);
        try (Workers workers = new Workers(config.threads())) {
            new BreadthFirstSearch<>(system, config, new RunLimits(config), workers, SearchTuning.DEFAULT, recording,
                    new PhaseClock()).run();
            long[] initial = Checker.initialFingerprints(system, config);
            UnaryOperator<S> form = config.symmetry() ? system::canonical : UnaryOperator.identity();
            boolean pruned = config.por() && system.independence() != null;
            int n = 0;
            for (int i = 0; i < system.liveness().size(); i++) {
                ExplicitGraph<S, A> recorded = recording.graph(initial, i, new RunLimits(config));
                if (!pruned) assertNotNull(recorded, at + " live" + i + ": every state was expanded");
                if (recorded == null) continue;
                ExplicitGraph<S, A> explored = new ExplicitGraph<>();
                assertTrue(explored.build(system, system.liveness().get(i).goal(), new RunLimits(config), form, workers));
                same(explored, recorded, at + " live" + i);
                n++;
            }
            return n;
        }
    }

    static void same(ExplicitGraph<?, ?> expected, ExplicitGraph<?, ?> actual, String at) {
        assertEquals(expected.size(), actual.size(), at + ": states");
        for (int v = 0; v < expected.size(); v++) {
            ExplicitGraph.Node a = expected.node(v);
            ExplicitGraph.Node b = actual.node(v);
            String m = at + " state " + v;
            assertEquals(a.depth, b.depth, m + " depth");
            assertEquals(a.parent, b.parent, m + " parent");
            assertEquals(a.parentAction, b.parentAction, m + " parent action");
            assertEquals(a.deadEnd, b.deadEnd, m + " dead end");
            assertArrayEquals(Arrays.copyOf(a.targets, a.edges), Arrays.copyOf(b.targets, b.edges), m + " targets");
            assertArrayEquals(Arrays.copyOf(a.actions, a.edges), Arrays.copyOf(b.actions, b.edges), m + " actions");
            assertArrayEquals(Arrays.copyOf(a.actors, a.edges), Arrays.copyOf(b.actors, b.edges), m + " actors");
            for (int x = 0; x < 16; x++) assertEquals(a.enabled(x), b.enabled(x), m + " actor " + x + " enabled");
        }
    }

    /** The checker gives the same results whether liveness takes the recorded graph or explores its own. */
    @Test
    void checkerGivesTheSameResultsWithTheRecording() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            for (CheckerConfig config : configs()) {
                for (int threads = 1; threads <= 2; threads++) same(random(seed), config.withThreads(threads), "seed " + seed);
            }
        });
    }

    private static <S, A> void same(TransitionSystem<S, A> plain, CheckerConfig config, String at) {
        CheckResult<S, A> explored = Checker.check(plain, config);
        CheckResult<S, A> recorded = Checker.check(new EncodedGoals<>(plain), config);
        assertEquals(explored.properties(), recorded.properties(), at + " " + config);
        assertEquals(explored.stats().distinctStates(), recorded.stats().distinctStates(), at);
        assertEquals(explored.stats().transitions(), recorded.stats().transitions(), at);
        assertEquals(explored.complete(), recorded.complete(), at);
    }
}
