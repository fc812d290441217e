package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.SystemModel;

/**
 * The packed successors report each successor's kind of action ({@link ActionKinds}, for coverage): on
 * random reachable states of random scenarios (every platform, error paths, hosts, hardware subsets), the
 * kinds, looked up in {@link PageModel#encodedKinds}, are the object successors' {@link PageAction#kind()},
 * action by action, plain and in canonical form.
 */
class PackedKindsTest {

    @Test
    void packedKindsAreTheObjectActionsKinds() {
        qt().withExamples(150).forAll(RandomScenarios.scenarios(4, 3, 3, 6), longRange(0, Long.MAX_VALUE))
                .checkAssert((sc, seed) -> {
                    PageModel m = new PageModel(sc);
                    List<String> names = m.encodedKinds();
                    RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                        List<String> want = moves.stream().map(mv -> mv.action().kind()).toList();
                        for (boolean canonical : new boolean[] {false, true}) {
                            assertEquals(want, kinds(m, s, canonical, names), () -> "kinds of the successors of\n" + s);
                        }
                    });
                });
    }

    private static List<String> kinds(PageModel m, PageState s, boolean canonical, List<String> names) {
        long[] state = new long[m.words()];
        m.encode(s, state, 0);
        long[] out = new long[m.words()];
        List<String> got = new ArrayList<>();
        m.encodedSuccessors(state, 0, canonical, new SystemModel.EncodedSink() {
            @Override public long[] buffer() { return out; }
            @Override public void accept() { throw new AssertionError("a successor without its kind"); }
            @Override public void accept(int unit, int actor, int kind) { got.add(names.get(kind)); }
        });
        return got;
    }
}
