package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A canonical form that stands for a state reached by hidden steps ({@link TransitionSystem#settle}): a
 * miniature TLB. The converter flips a PTE from A to B and then finishes; the hardware may fill the TLB
 * entry from the PTE, evict it, and fill or evict three unrelated entries ("noise"). The canonical form
 * has every entry filled. The violation (the converter done while the TLB still caches A) needs the fill
 * before the flip; the replayed trace must insert it, drop the three unneeded noise fills, and be a real
 * path of the unreduced system.
 */
class SettleTest {

    /** State bits: 0-1 pte (0 = A, 1 = B), 2-3 tlb (0 none, 1 A, 2 B), 4-5 pc, 6-8 noise entries. */
    static final class MiniTlb implements TransitionSystem<Integer, String> {

        static int pte(int s) { return s & 3; }
        static int tlb(int s) { return (s >> 2) & 3; }
        static int pc(int s) { return (s >> 4) & 3; }
        static boolean noise(int s, int i) { return ((s >> (6 + i)) & 1) != 0; }

        static int with(int s, int shift, int width, int v) {
            int mask = ((1 << width) - 1) << shift;
            return (s & ~mask) | (v << shift);
        }

        @Override public List<Integer> initialStates() { return List.of(0); }

        @Override
        public void successors(Integer state, SuccessorSink<Integer, String> sink) {
            int s = state;
            if (pc(s) == 0) sink.accept("flip", with(with(s, 0, 2, 1), 4, 2, 1));
            if (pc(s) == 1) sink.accept("done", with(s, 4, 2, 2));
            if (tlb(s) == 0) sink.accept("fill", with(s, 2, 2, pte(s) + 1));
            if (tlb(s) != 0) sink.accept("evict", with(s, 2, 2, 0));
            for (int i = 0; i < 3; i++) {
                sink.accept((noise(s, i) ? "evict" : "fill") + " noise" + i, s ^ (1 << (6 + i)));
            }
        }

        @Override public int actorOf(String action) { return action.equals("flip") || action.equals("done") ? 0 : 1; }
        @Override public List<String> actorNames() { return List.of("converter", "hardware"); }

        @Override
        public List<Invariant<Integer>> invariants() {
            return List.of(Invariant.of("no_stale_after_done", s -> !(pc(s) == 2 && tlb(s) == 1)));
        }

        @Override
        public List<Eventually<Integer>> liveness() {
            return List.of(new Eventually<>("completes", s -> pc(s) == 2, Set.of(0), s -> "never done"));
        }

        @Override public boolean isTerminal(Integer s) { return true; }

        @Override public StateCodec<Integer> codec() { return GraphSystem.intCodec(); }

        /** Every entry filled. */
        @Override
        public Integer canonical(Integer state) {
            int s = state;
            if (tlb(s) == 0) s = with(s, 2, 2, pte(s) + 1);
            return s | (7 << 6);
        }

        @Override
        public Integer merged(Integer state) {
            return canonical(state);
        }

        @Override
        public void settle(Integer state, SuccessorSink<Integer, String> sink) {
            int s = state;
            if (tlb(s) == 0) sink.accept("fill", s = with(s, 2, 2, pte(s) + 1));
            for (int i = 0; i < 3; i++) if (!noise(s, i)) sink.accept("fill noise" + i, s = s | (1 << (6 + i)));
        }
    }

    @Test
    void replayInsertsTheNeededFillAndDropsTheOthers() {
        MiniTlb sys = new MiniTlb();
        CheckResult<Integer, String> reduced = Checker.check(sys, CheckerConfig.defaults().withPor(false));
        CheckResult<Integer, String> full = Checker.check(sys, CheckerConfig.defaults().withSymmetry(false).withPor(false));
        assertEquals(5, reduced.stats().distinctStates(), "before the flip one state; after it the entry is stale or refilled, at pc 1 and 2");
        assertTrue(full.stats().distinctStates() > reduced.stats().distinctStates());
        PropertyResult<Integer, String> p = reduced.property("no_stale_after_done").orElseThrow();
        assertEquals(Verdict.VIOLATED, p.verdict());
        assertEquals(List.of("fill", "flip", "done"), p.trace().steps().stream().map(Trace.Step::action).toList());
        assertEquals(full.property("no_stale_after_done").orElseThrow().verdict(), p.verdict());
        PropertyResult<Integer, String> live = reduced.property("completes").orElseThrow();
        assertEquals(Verdict.HOLDS, live.verdict(), "the converter is fair, so it finishes");
        assertEquals(full.property("completes").orElseThrow().verdict(), live.verdict());
        assertNull(live.trace());
    }
}
