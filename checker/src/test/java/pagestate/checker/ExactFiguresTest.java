package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tiny hand-written systems with exact figures. */
class ExactFiguresTest {

    private static List<String> actions(Trace<?, String> t) {
        return t.steps().stream().map(Trace.Step::action).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void countersHaveExactly12States(int threads) {
        for (boolean exact : new boolean[] {false, true}) {
            CheckResult<Counters.XY, String> r = Checker.check(new Counters(false),
                    CheckerConfig.defaults().withThreads(threads).withExact(exact));
            assertTrue(r.complete());
            assertNull(r.stopReason());
            assertEquals(12, r.stats().distinctStates());
            assertEquals(17, r.stats().transitions());
            assertEquals(5, r.stats().maxDepth());
            assertEquals(exact ? "exact" : "fingerprint", r.stats().mode());
            assertEquals(exact ? 0 : 12 * 11 / Math.pow(2, 65), r.stats().collisionProbability());
            assertTrue(r.stats().bytesPerState() > 0);

            PropertyResult<Counters.XY, String> sum = r.property("sum_below_4").orElseThrow();
            assertEquals(Verdict.VIOLATED, sum.verdict());
            assertEquals(List.of("incX", "incX", "incX", "incY"), actions(sum.trace()));
            assertEquals(new Counters.XY(3, 1), sum.trace().last());
            assertEquals("sum_below_4 does not hold", sum.cause());

            assertEquals(Verdict.HOLDS, r.property("x_at_most_3").orElseThrow().verdict());

            PropertyResult<Counters.XY, String> deadlock = r.property("no_deadlock").orElseThrow();
            assertEquals(PropertyResult.Kind.DEADLOCK, deadlock.kind());
            assertEquals(Verdict.VIOLATED, deadlock.verdict());
            assertEquals(List.of("incX", "incX", "incX", "incY", "incY"), actions(deadlock.trace()));
            assertEquals(List.of("sum_below_4", "x_at_most_3", "no_deadlock"),
                    r.properties().stream().map(PropertyResult::name).toList());
        }
    }

    @Test
    void terminalStateIsNoDeadlock() {
        CheckResult<Counters.XY, String> r = Checker.check(new Counters(true), CheckerConfig.defaults());
        assertEquals(Verdict.HOLDS, r.property("no_deadlock").orElseThrow().verdict());
    }

    @Test
    void deadlockCheckCanBeTurnedOff() {
        CheckResult<Counters.XY, String> r = Checker.check(new Counters(false), CheckerConfig.defaults().withCheckDeadlock(false));
        assertTrue(r.property("no_deadlock").isEmpty());
        assertEquals(2, r.properties().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void stateLimitGivesUnknown(int threads) {
        CheckResult<Counters.XY, String> r = Checker.check(new Counters(false),
                CheckerConfig.defaults().withMaxStates(5).withThreads(threads));
        assertEquals(false, r.complete());
        assertEquals("max-states 5", r.stopReason());
        assertEquals(5, r.stats().distinctStates());
        r.properties().forEach(p -> assertEquals(Verdict.UNKNOWN, p.verdict(), p.name()));
    }

    @Test
    void violationFoundBeforeTheStateLimitStaysViolated() {
        CheckResult<Counters.XY, String> r = Checker.check(new Counters(false), CheckerConfig.defaults().withMaxStates(11));
        assertEquals("max-states 11", r.stopReason());
        assertEquals(11, r.stats().distinctStates());
        assertEquals(Verdict.VIOLATED, r.property("sum_below_4").orElseThrow().verdict());
        assertEquals(Verdict.UNKNOWN, r.property("x_at_most_3").orElseThrow().verdict());
        assertEquals(Verdict.UNKNOWN, r.property("no_deadlock").orElseThrow().verdict());
    }

    @Test
    void stateLimitEqualToTheStateSpaceIsComplete() {
        CheckResult<Counters.XY, String> r = Checker.check(new Counters(false), CheckerConfig.defaults().withMaxStates(12));
        assertTrue(r.complete());
        assertEquals(12, r.stats().distinctStates());
    }

    @Test
    void livenessLassoAndFairness() {
        // y never stops at 2 without fairness? y's increments end in the dead end (3,2) anyway:
        // "eventually y == 2" holds on every maximal path (every path ends in (3,2) or passes y==2).
        Counters c = new Counters(true)
                .withLiveness(new Eventually<>("y_reaches_2", s -> s.y() == 2, java.util.Set.of(), s -> "y is " + s.y()))
                .withLiveness(new Eventually<>("x_reaches_4", s -> s.x() == 4, java.util.Set.of(), s -> "x is " + s.x()));
        CheckResult<Counters.XY, String> r = Checker.check(c, CheckerConfig.defaults());
        assertEquals(Verdict.HOLDS, r.property("y_reaches_2").orElseThrow().verdict());
        PropertyResult<Counters.XY, String> x4 = r.property("x_reaches_4").orElseThrow();
        assertEquals(Verdict.VIOLATED, x4.verdict());
        assertEquals(PropertyResult.Kind.LIVENESS, x4.kind());
        assertEquals(List.of("incX", "incX", "incX", "incY", "incY"), actions(x4.trace()));
        assertEquals(-1, x4.trace().loopStart());
        assertEquals("x is 3", x4.cause());
    }
}
