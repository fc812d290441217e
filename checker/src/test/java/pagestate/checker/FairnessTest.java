package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairnessTest {

    @Test
    void unfairSpinIsALasso() {
        CheckResult<Integer, String> r = Checker.check(new SpinSystem(Set.of()), CheckerConfig.defaults());
        PropertyResult<Integer, String> done = r.property("done").orElseThrow();
        assertEquals(Verdict.VIOLATED, done.verdict());
        assertEquals(0, done.trace().loopStart());
        assertEquals(List.of("spin"), done.trace().steps().stream().map(Trace.Step::action).toList());
        assertEquals("still waiting", done.cause());
        assertEquals(Verdict.HOLDS, r.property("no_deadlock").orElseThrow().verdict());
    }

    @Test
    void fairWorkerGetsDone() {
        assertEquals(Verdict.HOLDS, Checker.check(new SpinSystem(Set.of(1)), CheckerConfig.defaults())
                .property("done").orElseThrow().verdict());
    }

    @Test
    void fairSpinnerAloneDoesNotHelp() {
        assertEquals(Verdict.VIOLATED, Checker.check(new SpinSystem(Set.of(0)), CheckerConfig.defaults())
                .property("done").orElseThrow().verdict());
    }
}
