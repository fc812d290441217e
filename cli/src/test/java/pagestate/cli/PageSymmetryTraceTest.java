package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.checker.CheckerConfig;
import pagestate.checker.PropertyResult;
import pagestate.checker.Trace;
import pagestate.checker.Verdict;
import pagestate.model.cpu.PageAction;
import pagestate.model.cpu.PageModel;
import pagestate.model.cpu.PageState;
import pagestate.specs.SpecLoader;
import pagestate.specs.SpecResult;

/**
 * Page symmetry (docs/model.md section 11.4) end to end: on a spec whose converter converts two pages
 * that play the same role, the reduced search stores fewer states and gives the unreduced verdict for
 * every property, and each counterexample it shows is a concrete path of the model: replayed from the
 * initial state, every step is one of the model's successors of the state before it, with the same text,
 * and the last state violates the property.
 */
class PageSymmetryTraceTest {

    private static final String SPEC = """
            spec page-symmetric
            description "TDX private -> shared of pages 1 and 2, no TLB flush after the flip"
            system cpu
            platform tdx
            cpus 2
            pages 3
            mappings 1
            converter conv on cpu 0 pages 1 2
              to shared:
                unmap_aliases
                flush_tlb
                flush_cache
                flip
                map_gpa
            hardware all
            check all
            """;

    /** The spec {@code text}, read as file {@code file}, explored to completion under {@code config}. */
    static SpecRun<?, ?> run(String file, String text, CheckerConfig config) {
        SpecResult r = SpecLoader.parse(Path.of(file), text);
        assertTrue(r instanceof SpecResult.Loaded, () -> "loads: " + r);
        SpecRun<?, ?> run = SpecRun.run(((SpecResult.Loaded) r).spec(), config);
        assertTrue(run.result().complete());
        return run;
    }

    private static SpecRun<?, ?> run(CheckerConfig config) {
        return run("page-symmetric.pspec", SPEC, config);
    }

    @Test
    void reducedCounterexamplesAreConcretePathsOfTheModel() {
        SpecRun<?, ?> full = run(CheckerConfig.defaults().withSymmetry(false).withPor(false));
        SpecRun<?, ?> reduced = run(CheckerConfig.defaults().withThreads(1));
        assertTrue(reduced.result().stats().distinctStates() < full.result().stats().distinctStates());
        PageModel model = (PageModel) reduced.model();
        int replayed = 0;
        for (PropertyResult<?, ?> p : full.result().properties()) {
            PropertyResult<?, ?> q = reduced.result().property(p.name()).orElseThrow();
            assertEquals(p.verdict(), q.verdict(), p.name());
            if (q.verdict() != Verdict.VIOLATED || q.trace().isLasso()) continue;
            @SuppressWarnings("unchecked")
            Trace<PageState, PageAction> t = (Trace<PageState, PageAction>) q.trace();
            assertEquals(model.initialState(), t.initial());
            PageState state = t.initial();
            for (Trace.Step<PageState, PageAction> step : t.steps()) {
                List<String> taken = new ArrayList<>();
                PageState from = state;
                model.successors(from, (a, n) -> {
                    if (n.equals(step.state()) && a.toString().equals(step.action().toString())) taken.add(a.toString());
                });
                assertFalse(taken.isEmpty(), p.name() + ": " + step.action() + " is no step of the model from\n" + from);
                state = step.state();
            }
            if (!model.property(pagestate.model.PropertyName.bySpecName(p.name()).orElseThrow()).isLiveness()) {
                assertFalse(model.property(pagestate.model.PropertyName.bySpecName(p.name()).orElseThrow())
                        .holds().test(state), p.name() + " is violated at the end of its trace");
            }
            replayed++;
        }
        assertTrue(replayed >= 2, replayed + " counterexamples replayed");
    }
}
