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
}
