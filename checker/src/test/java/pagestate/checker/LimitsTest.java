package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private final SyntheticSystem huge = new SyntheticSystem(Long.MAX_VALUE / 4, 3, -1);

    @Test
    void timeLimitStopsWithUnknownAndReportsProgress() {
        List<ProgressListener.Progress> seen = new ArrayList<>();
        CheckResult<Long, Integer> r = Checker.check(huge, CheckerConfig.defaults().withMaxSeconds(1.5)
                .withMaxStates(0).withProgress(seen::add));
        assertFalse(r.complete());
        assertEquals("max-seconds 1.5", r.stopReason());
        assertEquals(Verdict.UNKNOWN, r.property("not_bad").orElseThrow().verdict());
        assertTrue(r.stats().seconds() < 5, "stopped promptly");
        assertFalse(seen.isEmpty(), "progress about once a second");
        assertTrue(seen.get(0).states() > 0);
    }

    @Test
    void heapLimitStopsCleanly() {
        CheckResult<Long, Integer> r = Checker.check(huge, CheckerConfig.defaults().withMaxHeapFraction(1e-6).withThreads(2));
        assertFalse(r.complete());
        assertEquals("memory", r.stopReason());
        r.properties().forEach(p -> assertEquals(Verdict.UNKNOWN, p.verdict()));
    }

    /**
     * Garbage over the heap limit does not stop a liveness pass: the heap is measured again after a
     * collection (a JVM running check after check once stopped the 8-CPU bench "for memory"); live data
     * over it does.
     */
    @Test
    void theHeapLimitCountsLiveDataNotGarbage() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long base = rt.totalMemory() - rt.freeMemory();
        double fraction = (base + (128L << 20)) / (double) rt.maxMemory();
        RunLimits limits = new RunLimits(CheckerConfig.defaults().withMaxHeapFraction(fraction));
        long sink = 0;
        for (int i = 0; i < 64 && rt.totalMemory() - rt.freeMemory() <= fraction * rt.maxMemory(); i++) {
            sink += new long[4 << 20].length;   // 32 MB each, dropped at once
        }
        assertTrue(rt.totalMemory() - rt.freeMemory() > fraction * rt.maxMemory(), "garbage over the limit: " + sink);
        assertFalse(limits.checkTimeAndMemory(), "garbage alone");
        assertFalse(limits.stopped());
        long[][] live = new long[8][];
        for (int i = 0; i < live.length; i++) live[i] = new long[4 << 20];   // 256 MB held
        RunLimits later = new RunLimits(CheckerConfig.defaults().withMaxHeapFraction(fraction));
        assertTrue(later.checkTimeAndMemory(), "live data over the limit");
        assertEquals("memory", later.stopReason());
        assertEquals(8, live.length);
    }

    @Test
    void livenessRespectsTheStateLimit() {
        CheckResult<Integer, String> r = Checker.check(new SpinSystem(java.util.Set.of()),
                CheckerConfig.defaults().withMaxStates(1));
        // the safety pass (2 states) is cut; the liveness pass needs only the 1 goal-false state
        assertEquals("max-states 1", r.stopReason());
        assertEquals(Verdict.VIOLATED, r.property("done").orElseThrow().verdict());
        Counters c = new Counters(true).withLiveness(new Eventually<>("x4", s -> s.x() == 4, java.util.Set.of(), s -> ""));
        CheckResult<Counters.XY, String> cut = Checker.check(c, CheckerConfig.defaults().withMaxStates(3));
        assertEquals(Verdict.UNKNOWN, cut.property("x4").orElseThrow().verdict());
        assertEquals(Verdict.VIOLATED, Checker.check(c, CheckerConfig.defaults()).property("x4").orElseThrow().verdict());
    }

    /**
     * Every state has 1,000 successors: at once on encoded words (the safety search's path), but in 3 ms
     * as objects, the path of a liveness pass whose goal cannot be told on the words. So the safety search
     * reaches the state limit at once and the liveness pass is slow: it must poll the clock within a round
     * of states, not after it (a round of 1,000 such states is 3 s).
     */
    static final class SlowWide implements TransitionSystem<Long, Integer> {
        @Override public List<Long> initialStates() { return List.of(0L); }

        @Override
        public void successors(Long s, SuccessorSink<Long, Integer> sink) {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 1000; i++) sink.accept(i, s * 1000 + i + 1);
        }

        @Override
        public boolean encodedSuccessors(long[] state, int offset, boolean canonical, EncodedSink sink) {
            for (int i = 0; i < 1000; i++) {
                sink.buffer()[0] = state[offset] * 1000 + i + 1;
                sink.accept();
            }
            return true;
        }

        @Override public int actorOf(Integer a) { return 0; }
        @Override public List<String> actorNames() { return List.of("a"); }
        @Override public List<Invariant<Long>> invariants() { return List.of(); }
        @Override public boolean isTerminal(Long s) { return false; }

        @Override
        public List<Eventually<Long>> liveness() {
            return List.of(new Eventually<>("never", s -> s < 0, java.util.Set.of(), s -> ""));
        }

        @Override
        public StateCodec<Long> codec() {
            return new StateCodec<>() {
                @Override public int words() { return 1; }
                @Override public void encode(Long s, long[] out, int o) { out[o] = s; }
                @Override public Long decode(long[] in, int o) { return in[o]; }
            };
        }
    }

    @Test
    void theTimeLimitHoldsWithinARoundOfTheLivenessExploration() {
        long start = System.nanoTime();
        CheckResult<Long, Integer> r = Checker.check(new SlowWide(),
                CheckerConfig.defaults().withThreads(1).withMaxStates(1001).withMaxSeconds(1.0));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertFalse(r.complete());
        assertTrue(seconds < 2.5, "stopped within the round: " + seconds + " s, " + r.stopReason());
    }
}
