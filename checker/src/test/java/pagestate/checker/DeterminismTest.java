package pagestate.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same counts, verdicts and traces at every thread count and on every run. */
class DeterminismTest {

    private static List<Object> summary(CheckResult<?, ?> r) {
        return List.of(r.complete(), r.stats().distinctStates(), r.stats().transitions(), r.stats().maxDepth(),
                r.properties().stream().map(p -> p.name() + " " + p.verdict() + " " + p.trace()).toList());
    }

    @Test
    void sameResultAtOneTwoAndFourThreads() {
        SyntheticSystem sys = new SyntheticSystem(300_000, 3, 123_457);
        List<Object> one = summary(Checker.check(sys, CheckerConfig.defaults()));
        assertEquals(Verdict.VIOLATED, Checker.check(sys, CheckerConfig.defaults()).property("not_bad").orElseThrow().verdict());
        for (int threads : new int[] {1, 2, 4}) {
            for (int run = 0; run < 2; run++) {
                assertEquals(one, summary(Checker.check(sys, CheckerConfig.defaults().withThreads(threads))), threads + " threads");
            }
            assertEquals(one, summary(Checker.check(sys, CheckerConfig.defaults().withThreads(threads).withExact(true))));
        }
    }

    @Test
    void encodedSuccessorsGiveTheSameRunAsStateObjects() {
        SyntheticSystem sys = new SyntheticSystem(300_000, 3, 123_457);
        TransitionSystem<Long, Integer> objectsOnly = new TransitionSystem<>() {
            @Override public List<Long> initialStates() { return sys.initialStates(); }
            @Override public void successors(Long s, SuccessorSink<Long, Integer> sink) { sys.successors(s, sink); }
            @Override public int actorOf(Integer a) { return sys.actorOf(a); }
            @Override public List<String> actorNames() { return sys.actorNames(); }
            @Override public List<Invariant<Long>> invariants() { return sys.invariants(); }
            @Override public StateCodec<Long> codec() { return sys.codec(); }
        };
        for (int threads : new int[] {1, 2}) {
            CheckerConfig config = CheckerConfig.defaults().withThreads(threads);
            assertEquals(summary(Checker.check(objectsOnly, config)), summary(Checker.check(sys, config)));
        }
    }

    @Test
    void sameCutAtTheStateLimit() {
        SyntheticSystem sys = new SyntheticSystem(300_000, 3, 5);
        List<Object> one = summary(Checker.check(sys, CheckerConfig.defaults().withMaxStates(50_001)));
        assertEquals(50_001L, one.get(1));
        assertEquals(one, summary(Checker.check(sys, CheckerConfig.defaults().withMaxStates(50_001).withThreads(2))));
    }
}
