package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Forms that narrow as invariants are violated ({@link TransitionSystem#canonical(Object, long)}): a
 * random miniature of the page model's dead TLB entries. A converter counts x from 0 to 3, flushing the
 * entries on its step from 1 to 2; the hardware sets or clears four entries y0..y3 at any time (setting
 * only while x is below a random bound); nothing reads the entries but two invariants: "every entry" (bad:
 * entry j set while x is a), and "after done" (bad: x is 3 and entry k set). A third reads x alone. Once
 * "every entry" is violated the form forgets the entries "after done" will not read (all but k, and k
 * itself while the flush is ahead); once both are, all of them. The search over these forms gives the
 * unreduced verdicts, liveness included, with traces that replay, at 1 and 2 threads alike.
 */
class NarrowingFormsTest {

    static final class Entries implements TransitionSystem<Integer, String> {
        final int a;
        final int j;
        final int k;
        final int setBelow;
        final int badX;
        final boolean narrow;

        Entries(long seed, boolean narrow) {
            Random r = new Random(seed);
            this.a = r.nextInt(4);
            this.j = r.nextInt(4);
            this.k = r.nextInt(4);
            this.setBelow = 1 + r.nextInt(4);
            this.badX = r.nextInt(5);   // 4: never
            this.narrow = narrow;
        }

        static int x(int s) { return s & 3; }
        static boolean y(int s, int i) { return (s >> (2 + i) & 1) != 0; }

        @Override public List<Integer> initialStates() { return List.of(0); }

        @Override
        public void successors(Integer state, SuccessorSink<Integer, String> sink) {
            int s = state;
            if (x(s) < 3) sink.accept(x(s) == 1 ? "flush" : "step", x(s) == 1 ? (s & ~3 & ~(15 << 2)) | 2 : s + 1);
            for (int i = 0; i < 4; i++) {
                if (y(s, i)) sink.accept("clear y" + i, s & ~(1 << (2 + i)));
                else if (x(s) < setBelow) sink.accept("set y" + i, s | 1 << (2 + i));
            }
        }

        @Override public int actorOf(String action) { return action.equals("step") || action.equals("flush") ? 0 : 1; }
        @Override public List<String> actorNames() { return List.of("converter", "hardware"); }

        @Override
        public List<Invariant<Integer>> invariants() {
            return List.of(Invariant.of("every_entry", s -> !(y(s, j) && x(s) == a)),
                    Invariant.of("after_done", s -> !(x(s) == 3 && y(s, k))),
                    Invariant.of("x", s -> x(s) != badX));
        }

        @Override
        public List<Eventually<Integer>> liveness() {
            return List.of(new Eventually<>("done", s -> x(s) == 3, Set.of(0), s -> "never done"));
        }

        @Override public boolean isTerminal(Integer s) { return true; }
        @Override public StateCodec<Integer> codec() { return GraphSystem.intCodec(); }

        @Override
        public Integer canonical(Integer state, long open) {
            int s = state;
            if (!narrow || (open & 1) != 0) return s;
            boolean afterDone = (open & 2) != 0;
            for (int i = 0; i < 4; i++) {
                boolean read = afterDone && i == k && x(s) >= 2;   // the flush on 1 -> 2 overwrites it first
                if (!read) s &= ~(1 << (2 + i));
            }
            return s;
        }

        @Override public long formInvariants() { return narrow ? 3 : 0; }
    }

    @Test
    void narrowedFormsGiveTheUnreducedVerdictsAndRealTraces() {
        AtomicInteger fewer = new AtomicInteger();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            CheckResult<Integer, String> full = Checker.check(new Entries(seed, false),
                    CheckerConfig.defaults().withSymmetry(false).withPor(false).withThreads(1));
            CheckResult<Integer, String> one = Checker.check(new Entries(seed, true), CheckerConfig.defaults().withThreads(1));
            CheckResult<Integer, String> two = Checker.check(new Entries(seed, true), CheckerConfig.defaults().withThreads(2));
            assertEquals(one.stats().distinctStates(), two.stats().distinctStates(), "the same states at 1 and 2 threads");
            if (one.stats().distinctStates() < full.stats().distinctStates()) fewer.incrementAndGet();
            for (PropertyResult<Integer, String> p : full.properties()) {
                PropertyResult<Integer, String> q = one.property(p.name()).orElseThrow();
                assertEquals(p.verdict(), q.verdict(), p.name() + " seed " + seed);
                assertEquals(p.verdict(), two.property(p.name()).orElseThrow().verdict(), p.name() + " at 2 threads");
                if (q.verdict() == Verdict.VIOLATED && q.kind() == PropertyResult.Kind.INVARIANT) {
                    // the trace is a real path (the checker replayed it) whose last state violates the property
                    Invariant<Integer> inv = new Entries(seed, false).invariants().stream()
                            .filter(i -> i.name().equals(p.name())).findFirst().orElseThrow();
                    assertTrue(!inv.holds().test(q.trace().last()), p.name() + " trace ends in a violation");
                }
            }
        });
        assertTrue(fewer.get() > 50, "the narrowing merged states in some systems: " + fewer.get());
    }
}
