package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Liveness against a naive subset-enumeration reference, on small random graphs, at 1 and 2 threads. */
class LivenessPropertyTest {

    @Test
    void livenessMatchesReference() {
        int[] violated = {0, 0};
        qt().withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            GraphSystem g = GraphSystem.random(seed, 10, true);
            CheckResult<Integer, GraphSystem.Move> r = Checker.check(g, CheckerConfig.defaults());
            // with two workers the shared graph is built by both: the same verdicts and traces
            CheckResult<Integer, GraphSystem.Move> two = Checker.check(g, CheckerConfig.defaults().withThreads(2));
            for (int p = 0; p < g.goals.size(); p++) {
                PropertyResult<Integer, GraphSystem.Move> res = r.property("live" + p).orElseThrow();
                assertEquals(res, two.property("live" + p).orElseThrow(), "seed " + seed + " live" + p + " at 2 threads");
                boolean expected = Reference.livenessViolated(g, g.goals.get(p), g.fair.get(p));
                assertEquals(expected ? Verdict.VIOLATED : Verdict.HOLDS, res.verdict(), "seed " + seed + " live" + p);
                if (expected) {
                    violated[res.trace().isLasso() ? 0 : 1]++;
                    checkCounterexample(g, p, res.trace());
                }
            }
        });
        assertTrue(violated[0] > 50 && violated[1] > 50, "both lassos and dead ends exercised: " + violated[0] + "/" + violated[1]);
    }

    /**
     * The shared graph (one build for every property, then each property's part) gives each property
     * exactly what a pass of its own gives: verdict, cause (with its state count) and trace; also under a
     * state limit, where a shared build that the limit stops is checked again property by property.
     */
    @Test
    void sharedGraphGivesWhatOwnPassesGive() {
        int[] shared = {0};
        qt().withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            GraphSystem g = GraphSystem.random(seed, 10, true);
            for (long maxStates : new long[] {0, 3 + Math.floorMod(seed, 5)}) {
                CheckerConfig config = CheckerConfig.defaults().withMaxStates(maxStates);
                for (int threads = 1; threads <= 2; threads++) {
                    CheckResult<Integer, GraphSystem.Move> r = Checker.check(g, config.withThreads(threads));
                    try (Workers workers = new Workers(1)) {
                        LivenessVerdict<Integer, GraphSystem.Move> alone =
                                new LivenessVerdict<>(g, new Replayer<>(g), config.symmetry(), workers, -1L);
                        for (Eventually<Integer> property : g.liveness()) {
                            PropertyResult<Integer, GraphSystem.Move> own = alone.check(property, new RunLimits(config));
                            assertEquals(own, r.property(property.name()).orElseThrow(),
                                    "seed " + seed + " " + property.name() + " max-states " + maxStates + " threads " + threads);
                        }
                    }
                }
            }
            if (g.liveness().size() > 1) shared[0]++;
        });
        assertTrue(shared[0] > 100, "graphs with several liveness properties: " + shared[0]);
    }

    static void checkCounterexample(GraphSystem g, int p, Trace<Integer, GraphSystem.Move> t) {
        assertTrue(g.valid(t), "valid path");
        assertFalse(g.goals.get(p).get(t.initial()));
        t.steps().forEach(s -> assertFalse(g.goals.get(p).get(s.state()), "goal false on the path"));
        if (!t.isLasso()) {
            assertTrue(g.edges.get(t.last()).isEmpty(), "ends in a dead end");
            return;
        }
        assertTrue(t.loopStart() < t.length());
        int loopState = t.loopStart() == 0 ? t.initial() : t.steps().get(t.loopStart() - 1).state();
        assertEquals(loopState, (int) t.last(), "lasso closes");
        Set<Integer> fair = g.fair.get(p);
        for (int a : fair) {
            boolean ok = false;
            for (int i = t.loopStart(); i < t.length(); i++) {
                int before = i == 0 ? t.initial() : t.steps().get(i - 1).state();
                ok |= t.steps().get(i).action().actor() == a;
                ok |= g.edges.get(before).stream().noneMatch(e -> e.actor() == a);
            }
            assertTrue(ok, "cycle fair to actor " + a);
        }
    }
}
