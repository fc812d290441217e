package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Steps that run even after a failed hypercall (Phase.always; ivm.c hv_vtom_set_host_visibility():
 * set_memory_p() at err_set_memory_p, 0f34d11234868): after the failure the converter runs the always steps
 * that follow the failed one, each a step, then takes its error path.
 */
class AlwaysStepsTest {

    private static final String V69 = "clear_present flush_tlb flip flush_tlb hv_visibility set_present";

    private static PageModel model(ErrorPath onError, Set<Integer> always) {
        return Build.on(Platform.VTOM).converter(0, Direction.TO_SHARED, V69, always, 1)
                .mayFail(Primitive.HV_VISIBILITY).onError(onError).model();
    }

    /** The state before the hypercall (pc 4). */
    private static PageState beforeHypercall(PageModel m) {
        PageState s = m.initialState();
        for (int i = 0; i < 4; i++) s = Moves.converter(m, s, 0).next();
        return s;
    }

    private static Moves.Move failing(PageModel m, PageState s) {
        List<Moves.Move> ms = Moves.where(m, s, a -> a.actor() == 0);
        assertEquals(2, ms.size(), "the hypercall succeeds or fails");
        return ms.get(1);
    }

    @Test
    void theProgramKnowsWhereTheCleanupGoesOn() {
        ConverterProgram p = model(ErrorPath.LEAK, Set.of(5)).programs().get(0);
        assertEquals(5, p.nextAlways(4));
        assertEquals(-1, p.nextAlways(5));
        assertTrue(p.ops().get(5).always());
        assertTrue(p.ops().get(5).describe(p.converter()).startsWith("always set_present"));
        assertEquals(-1, model(ErrorPath.LEAK, Set.of()).programs().get(0).nextAlways(4));
    }

    @Test
    void afterAFailureTheAlwaysStepRunsThenTheErrorPath() {
        PageModel m = model(ErrorPath.LEAK, Set.of(5));
        PageState s = beforeHypercall(m);
        assertFalse(s.pte(Mapping.DIRECT, 1).present());
        PageState failed = failing(m, s).next();
        assertEquals(new ConverterState(5, ConverterState.Status.CLEANING_UP, Cause.HYPERCALL_FAILED), failed.converter(0));
        assertTrue(failed.happened(Cause.HYPERCALL_FAILED));
        assertEquals(HvPage.VTOM_PRIVATE, failed.hv(1), "a failed hypercall changes nothing");
        assertFalse(m.isTerminal(failed));
        Moves.Move cleanup = Moves.only(m, failed, 0);
        PageState after = cleanup.next();
        assertTrue(after.pte(Mapping.DIRECT, 1).present(), "set_memory_p() ran");
        assertEquals(Attribute.SHARED, after.pte(Mapping.DIRECT, 1).attribute(), "the flip is not undone");
        assertEquals(ConverterState.Status.FAILED_LEAKED, after.converter(0).status());
        assertTrue(m.isTerminal(after));
    }

    @Test
    void withoutAlwaysTheFailureGoesStraightToTheErrorPath() {
        PageModel m = model(ErrorPath.LEAK, Set.of());
        PageState failed = failing(m, beforeHypercall(m)).next();
        assertEquals(ConverterState.Status.FAILED_LEAKED, failed.converter(0).status());
        assertFalse(failed.pte(Mapping.DIRECT, 1).present(), "the page stays not present");
    }

    @Test
    void afterTheAlwaysStepsAFreedPageIsReused() {
        PageModel m = model(ErrorPath.FREE, Set.of(5));
        PageState after = Moves.only(m, failing(m, beforeHypercall(m)).next(), 0).next();
        ConverterProgram p = m.programs().get(0);
        assertEquals(new ConverterState(p.reuseIndex(), ConverterState.Status.FAILED_FREED, Cause.PAGE_FREED_AFTER_FAILURE),
                after.converter(0));
        // the new user writes its secret through the private direct map... which now says shared, to a private page
        assertEquals(Cause.VTOM_PARAVISOR, Moves.only(m, after, 0).outcome());
    }

    @Test
    void aHypercallAmongTheAlwaysStepsIsNotFailedAgain() {
        // TDX: accept fails by itself on a page that is not pending; the always map_gpa after it runs once
        PageModel m = Build.on(Platform.TDX).converter(0, Direction.TO_PRIVATE, "accept map_gpa", Set.of(1), 1)
                .mayFail(Primitive.MAP_GPA).model();
        PageState s = m.initialState();
        PageState failed = Moves.only(m, s, 0).next();
        assertEquals(ConverterState.Status.CLEANING_UP, failed.converter(0).status());
        List<Moves.Move> cleanup = Moves.where(m, failed, a -> a.actor() == 0);
        assertEquals(1, cleanup.size(), "no second failure branch");
        assertEquals(HvPage.TDX_PENDING, cleanup.get(0).next().hv(1), "MapGPA(private) ran");
        assertEquals(ConverterState.Status.FAILED_LEAKED, cleanup.get(0).next().converter(0).status());
    }

    @Test
    void aCleaningConverterRoundTripsThroughTheEncoding() {
        PageModel m = model(ErrorPath.FREE, Set.of(5));
        PageState failed = failing(m, beforeHypercall(m)).next();
        long[] w = new long[m.words()];
        m.encode(failed, w, 0);
        assertEquals(failed, m.decode(w, 0));
    }
}
