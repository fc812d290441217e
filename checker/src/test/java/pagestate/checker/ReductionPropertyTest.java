package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Symmetry and partial-order reduction lose nothing: on random product systems that declare both, every
 * reduced run (symmetry, POR, both; 1 and 2 threads) gives the unreduced run's verdict for every
 * invariant, deadlock and liveness property, every counterexample it reports is a real path of the
 * unreduced system ending in a violation, and its figures do not depend on the thread count.
 */
class ReductionPropertyTest {

    private static final AtomicLong lassos = new AtomicLong();
    private static final CheckerConfig NONE = CheckerConfig.defaults().withSymmetry(false).withPor(false);

    @Test
    void reducedVerdictsEqualUnreduced() {
        AtomicLong full = new AtomicLong();
        AtomicLong[] reduced = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        AtomicLong violations = new AtomicLong();
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            ProductSystem g = ProductSystem.random(seed, true, true);
            CheckResult<Long, ProductSystem.Move> base = Checker.check(g, NONE);
            assertTrue(base.complete());
            full.addAndGet(base.stats().distinctStates());
            violations.addAndGet(base.properties().stream().filter(p -> p.verdict() == Verdict.VIOLATED).count());
            boolean[][] modes = {{true, false}, {false, true}, {true, true}};
            for (int m = 0; m < modes.length; m++) {
                boolean[] mode = modes[m];
                CheckerConfig c = CheckerConfig.defaults().withSymmetry(mode[0]).withPor(mode[1]);
                CheckResult<Long, ProductSystem.Move> one = Checker.check(g, c);
                CheckResult<Long, ProductSystem.Move> two = Checker.check(g, c.withThreads(2));
                compare(g, base, one);
                compare(g, base, two);
                assertEquals(one.stats().distinctStates(), two.stats().distinctStates(), "states at 1 and 2 threads");
                assertTrue(one.stats().distinctStates() <= base.stats().distinctStates(), "reduction never adds states");
                reduced[m].addAndGet(one.stats().distinctStates());
            }
        });
        // each reduction removes states on these systems, so the comparisons above are not vacuous
        String figures = "states: symmetry " + reduced[0] + ", por " + reduced[1] + ", both " + reduced[2] + " of " + full;
        assertTrue(reduced[0].get() < full.get() * 0.9, figures);
        assertTrue(reduced[1].get() < full.get(), figures);      // POR: a few percent on these systems
        assertTrue(reduced[2].get() < reduced[0].get(), figures);
        assertTrue(violations.get() > 100, "many properties were violated: " + violations);
        assertTrue(lassos.get() > 20, "reduced runs lifted lassos: " + lassos);
    }

    @Test
    void undeclaredReductionsChangeNothing() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            ProductSystem g = ProductSystem.random(seed, false, false);
            CheckResult<Long, ProductSystem.Move> base = Checker.check(g, NONE);
            CheckResult<Long, ProductSystem.Move> on = Checker.check(g, CheckerConfig.defaults());
            assertEquals(base.stats().distinctStates(), on.stats().distinctStates());
            for (PropertyResult<Long, ProductSystem.Move> p : base.properties()) {
                PropertyResult<Long, ProductSystem.Move> q = on.property(p.name()).orElseThrow();
                assertEquals(p.verdict(), q.verdict(), p.name());
                if (p.trace() != null) assertEquals(p.trace().steps(), q.trace().steps(), p.name());
            }
        });
    }

    /**
     * Liveness over canonical forms when the symmetry exchanges fair actors whose enabledness is local: the
     * same verdicts as the unreduced pass, and lassos lifted without falling back.
     */
    @Test
    void symmetricFairLivenessEqualsUnreduced() {
        AtomicLong violated = new AtomicLong();
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            ProductSystem g = ProductSystem.random(seed, true, false, true);
            CheckResult<Long, ProductSystem.Move> base = Checker.check(g, NONE);
            CheckResult<Long, ProductSystem.Move> sym = Checker.check(g, NONE.withSymmetry(true));
            compare(g, base, sym);
            for (PropertyResult<Long, ProductSystem.Move> p : sym.properties()) {
                if (p.kind() == PropertyResult.Kind.LIVENESS && p.verdict() == Verdict.VIOLATED) violated.incrementAndGet();
            }
        });
        assertTrue(violated.get() > 20, "liveness violations were lifted: " + violated);
    }

    /** Those passes do store canonical forms: fewer goal-false states where the property holds (seeds 0-5999). */
    @Test
    void symmetricFairLivenessStoresFewerStates() {
        long full = 0;
        long reduced = 0;
        for (long seed = 0; seed < 6000; seed++) {
            ProductSystem g = ProductSystem.random(seed, true, false, true);
            CheckResult<Long, ProductSystem.Move> base = Checker.check(g, NONE);
            CheckResult<Long, ProductSystem.Move> sym = Checker.check(g, NONE.withSymmetry(true));
            for (PropertyResult<Long, ProductSystem.Move> p : base.properties()) {
                if (p.kind() != PropertyResult.Kind.LIVENESS || p.verdict() != Verdict.HOLDS) continue;
                full += goalFalseStates(p.cause());
                reduced += goalFalseStates(sym.property(p.name()).orElseThrow().cause());
            }
        }
        assertTrue(full > 300, "enough holding properties to compare: " + full);
        assertTrue(reduced < full * 0.9, "liveness passes stored canonical forms: " + reduced + " of " + full);
    }

    private static long goalFalseStates(String cause) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) goal-false states\\)").matcher(cause);
        assertTrue(m.find(), cause);
        return Long.parseLong(m.group(1));
    }

    private static void compare(ProductSystem g, CheckResult<Long, ProductSystem.Move> base,
                                CheckResult<Long, ProductSystem.Move> r) {
        assertTrue(r.complete());
        assertEquals(base.properties().size(), r.properties().size());
        for (PropertyResult<Long, ProductSystem.Move> p : base.properties()) {
            PropertyResult<Long, ProductSystem.Move> q = r.property(p.name()).orElseThrow();
            assertEquals(p.verdict(), q.verdict(), p.name());
            assertTrue(q.cause() == null || !q.cause().contains(LivenessVerdict.UNLIFTED), p.name() + ": " + q.cause());
            if (q.verdict() != Verdict.VIOLATED) continue;
            if (q.trace().isLasso()) lassos.incrementAndGet();
            assertTrue(g.valid(q.trace()), p.name() + ": trace is a path of the unreduced system");
            Long last = q.trace().isLasso() ? Replayer.stateBefore(q.trace(), q.trace().loopStart()) : q.trace().last();
            if (q.name().startsWith("inv")) {
                int i = Integer.parseInt(q.name().substring(3));
                assertTrue(g.bad.get(i).test(g, last), p.name() + ": trace ends in a violating state");
            }
            if (q.name().equals("no_deadlock")) {
                int[] n = {0};
                g.successors(last, (m, s) -> n[0]++);
                assertEquals(0, n[0], "deadlock trace ends in a dead end");
                assertTrue(!g.isTerminal(last), "deadlock trace ends in a non-terminal state");
            }
        }
    }
}
