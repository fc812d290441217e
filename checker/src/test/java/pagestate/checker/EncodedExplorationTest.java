package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A liveness pass explored on encoded words ({@link GraphExploration.Encoded}) against the same pass on state
 * objects: on random graphs (up to 20,000 states, many rounds), random products with symmetry and random
 * narrowing forms, in each form a pass may store (as is; canonical watching every invariant, or none), for
 * a build shared by every goal and one per goal, at 1 and 2 threads: the same graph state by state. Then the
 * checker, whose liveness explores when the forms narrowed: the same results either way.
 */
class EncodedExplorationTest {


    private static TransitionSystem<?, ?> random(long seed) {
        Random r = new Random(seed);
        return switch (r.nextInt(3)) {
            case 0 -> GraphSystem.random(seed, r.nextBoolean() ? 30 : 20_000, true);
            case 1 -> ProductSystem.random(seed, true, false, r.nextBoolean());
            default -> new NarrowingFormsTest.Entries(seed, true);
        };
    }

    @Test
    void exploredOnWordsIsExploredOnObjects() {
        AtomicInteger compared = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        qt().withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            for (int threads = 1; threads <= 2; threads++) {
                compared.addAndGet(compare(random(seed), threads, rounds, "seed " + seed + " threads " + threads));
            }
        });
        assertTrue(compared.get() > 500, "graphs compared: " + compared);
        // and large graphs, whatever the random seeds drew
        AtomicInteger large = new AtomicInteger();
        for (long seed = 1; seed <= 20; seed++) {
            compare(GraphSystem.random(seed, 20_000, true), 2, large, "large seed " + seed);
        }
        assertTrue(large.get() > 10, "builds of several rounds: " + large);
    }

    private static <S, A> int compare(TransitionSystem<S, A> plain, int threads, AtomicInteger rounds, String at) {
        List<Eventually<S>> liveness = plain.liveness();
        if (liveness.isEmpty()) return 0;
        AtomicLong expansions = new AtomicLong();
        TransitionSystem<S, A> system = new EncodedByObjects<>(plain) {
            @Override
            public boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open, EncodedSink sink) {
                expansions.incrementAndGet();
                return super.encodedReplaySuccessors(state, offset, canonical, open, sink);
            }
        };
        List<Predicate<S>> goals = new ArrayList<>();
        for (Eventually<S> e : liveness) goals.add(e.goal());
        int[] all = new int[goals.size()];
        for (int g = 0; g < all.length; g++) all[g] = g;
        int n = 0;
        try (Workers workers = new Workers(threads)) {
            for (long open : new long[] {-2L, -1L, 0L}) {   // -2: the states as they are
                boolean canonical = open != -2L;
                UnaryOperator<S> form = canonical ? s -> plain.canonical(s, open) : UnaryOperator.identity();
                String f = at + (canonical ? " canonical open " + open : " as is");
                ExplicitGraph<S, A> objects = new ExplicitGraph<>();
                assertTrue(objects.build(system, goals, limits(), form, workers));
                long before = expansions.get();
                ExplicitGraph<S, A> words = new ExplicitGraph<>();
                assertTrue(words.build(system, goals, limits(), form, workers, new GraphExploration.Encoded(canonical, open, all)));
                assertTrue(objects.size() == 0 || expansions.get() > before, f + ": expanded on words");
                RecordedLivenessTest.same(objects, words, f + " shared");
                if (objects.size() > ExplicitGraph.ROUND_STATES) rounds.incrementAndGet();
                n++;
                for (int g = 0; g < goals.size(); g++) {
                    ExplicitGraph<S, A> own = new ExplicitGraph<>();
                    assertTrue(own.build(system, List.of(goals.get(g)), limits(), form, workers,
                            new GraphExploration.Encoded(canonical, open, new int[] {g})));
                    RecordedLivenessTest.same(objects.restrict(g), own, f + " goal " + g);
                    n++;
                }
            }
        }
        return n;
    }

    private static RunLimits limits() {
        return new RunLimits(CheckerConfig.defaults());
    }

    /**
     * Where the forms narrow, liveness explores: on words when the system gives them there, with the same
     * results as on objects (the same system, its encoded replay refused).
     */
    @Test
    void checkerGivesTheSameResultsOnWords() {
        AtomicInteger onWords = new AtomicInteger();
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            for (int threads = 1; threads <= 2; threads++) {
                CheckerConfig config = CheckerConfig.defaults().withThreads(threads);
                NarrowingFormsTest.Entries plain = new NarrowingFormsTest.Entries(seed, true);
                AtomicLong replays = new AtomicLong();
                TransitionSystem<Integer, String> words = new EncodedByObjects<>(plain) {
                    @Override
                    public boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open,
                                                           EncodedSink sink) {
                        replays.incrementAndGet();
                        return super.encodedReplaySuccessors(state, offset, canonical, open, sink);
                    }
                };
                TransitionSystem<Integer, String> objects = new EncodedByObjects<>(plain) {
                    @Override
                    public boolean encodedReplaySuccessors(long[] state, int offset, boolean canonical, long open,
                                                           EncodedSink sink) {
                        return false;
                    }
                };
                CheckResult<Integer, String> expected = Checker.check(objects, config);
                CheckResult<Integer, String> actual = Checker.check(words, config);
                String at = "seed " + seed + " threads " + threads;
                assertEquals(expected.properties(), actual.properties(), at);
                assertEquals(expected.stats().distinctStates(), actual.stats().distinctStates(), at);
                assertEquals(expected.complete(), actual.complete(), at);
                if (replays.get() > 0) onWords.incrementAndGet();
            }
        });
        assertTrue(onWords.get() > 50, "checks whose liveness explored on words: " + onWords);
    }
}
