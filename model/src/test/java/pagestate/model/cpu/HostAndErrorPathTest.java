package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * The host actor (docs/model.md section 6: the host never reads a page while it holds secret plaintext) and a
 * failing hypercall's error path (a conversion that failed never returns the page to the allocator).
 */
class HostAndErrorPathTest {

    private static PageModel hostModel(Platform p, boolean reads, boolean writes) {
        return Build.on(p).host(1, reads, writes).model();
    }

    @Test
    void hostCannotTouchAPrivatePage() {
        // the host cannot map private memory: no move while the page is private in the platform's view
        for (Platform p : Platform.values()) {
            PageModel m = hostModel(p, true, true);
            assertEquals(List.of(), Moves.of(m, m.initialState()), p.name());
        }
        PageModel m = hostModel(Platform.SNP, true, true);
        assertEquals(List.of(), Moves.of(m, m.initialState().edit().hv(1, HvPage.SNP_UNVALIDATED).done()));
    }

    @Test
    void hostReadOfASecretOnASharedPageIsASecurityBreach() {
        // docs/model.md section 6: the host never reads a page while it holds secret plaintext
        PageModel m = hostModel(Platform.TDX, true, false);
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_SHARED).done();
        assertEquals(Content.SECRET, s.contents(1));
        List<Move> ms = Moves.hosts(m, s);
        assertEquals(1, ms.size());
        assertEquals(Cause.SECRET_TO_HOST, ms.get(0).outcome());
        assertEquals(s.edit().happen(Cause.SECRET_TO_HOST).done(), ms.get(0).next());
        assertFalse(ms.get(0).next().crashed());
        assertFalse(m.property(PropertyName.NO_SECRET_TO_HOST).holds().test(ms.get(0).next()));
        assertEquals(List.of(), Moves.of(m, ms.get(0).next()), "the breach is recorded once");
    }

    @Test
    void hostReadOfHostDataIsNoEvent() {
        // docs/model.md section 5: only private data readable by the host is a security outcome
        PageModel m = hostModel(Platform.SNP, true, false);
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_HV_OWNED).contents(1, Content.HOST_DATA).done();
        assertEquals(List.of(), Moves.of(m, s));
    }

    @Test
    void hostWriteOfASharedPageLeavesHostData() {
        // docs/model.md section 1: the host may touch shared pages
        PageModel m = hostModel(Platform.VTOM, false, true);
        PageState s = m.initialState().edit().hv(1, HvPage.VTOM_HOST_VISIBLE).contents(1, Content.GARBAGE).done();
        List<Move> ms = Moves.of(m, s);
        assertEquals(1, ms.size());
        assertEquals(s.edit().contents(1, Content.HOST_DATA).done(), ms.get(0).next());
        assertEquals(List.of(), Moves.of(m, ms.get(0).next()), "writing host data again changes nothing");
    }

    /** TDX, to private, MapGPA then ACCEPT; MapGPA may fail. No owner: the program is exactly the two steps. */
    private static PageModel failingMapGpa(ErrorPath onError) {
        return Build.on(Platform.TDX).converter(0, Direction.TO_PRIVATE, "map_gpa accept", 1).host(1, true, true)
                .mayFail(Primitive.MAP_GPA).onError(onError).model();
    }

    @Test
    void hypercallThatMayFailHasASuccessAndAFailureMove() {
        // a spec may let a hypercall fail (docs/model.md section 6: a non-failing hypervisor is the liveness assumption)
        PageModel m = failingMapGpa(ErrorPath.LEAK);
        List<Move> ms = Moves.converterMoves(m, m.initialState(), 0);
        assertEquals(2, ms.size());
        assertEquals(Cause.OK, ms.get(0).outcome());
        assertEquals(HvPage.TDX_PENDING, ms.get(0).next().hv(1));
        assertEquals(Cause.HYPERCALL_FAILED, ms.get(1).outcome());
    }

    @Test
    void failedHypercallWithLeakErrorPathChangesNothingAndEnds() {
        // the kernel leaks a page whose conversion failed (set_memory.c, since 2024)
        PageModel m = failingMapGpa(ErrorPath.LEAK);
        PageState s = m.initialState();
        Move fail = Moves.converterMoves(m, s, 0).get(1);
        int reuse = m.programs().get(0).reuseIndex();
        PageState expected = s.edit().happen(Cause.HYPERCALL_FAILED)
                .converter(0, new ConverterState(reuse + 1, ConverterState.Status.FAILED_LEAKED, Cause.HYPERCALL_FAILED)).done();
        assertEquals(expected, fail.next());
        assertTrue(m.isTerminal(fail.next()));
        assertTrue(m.property(PropertyName.FAILED_CONVERSION_NOT_FREED).holds().test(fail.next()));
        assertTrue(m.property(PropertyName.CONVERSION_COMPLETES).holds().test(fail.next()), "a failed conversion is finished");
    }

    @Test
    void failedHypercallWithFreeErrorPathFreesThePage() {
        // docs/model.md section 6: a conversion that failed never returns the page to the allocator
        PageModel m = failingMapGpa(ErrorPath.FREE);
        PageState s = m.initialState();
        Move fail = Moves.converterMoves(m, s, 0).get(1);
        int reuse = m.programs().get(0).reuseIndex();
        PageState expected = s.edit().happen(Cause.HYPERCALL_FAILED).happen(Cause.PAGE_FREED_AFTER_FAILURE)
                .converter(0, new ConverterState(reuse, ConverterState.Status.FAILED_FREED, Cause.PAGE_FREED_AFTER_FAILURE)).done();
        assertEquals(expected, fail.next());
        assertFalse(m.isTerminal(fail.next()), "the reuse is still to come");
        assertFalse(m.property(PropertyName.FAILED_CONVERSION_NOT_FREED).holds().test(fail.next()));
    }

    @Test
    void reuseAfterFreeWritesTheNewUsersSecretIntoAStillSharedPage() {
        // MapGPA(private) failed: the page is still shared; the allocator hands it to a new user who writes
        // its secret through the direct map, and the host can read it
        PageModel m = failingMapGpa(ErrorPath.FREE);
        PageState freed = Moves.converterMoves(m, m.initialState(), 0).get(1).next();
        Move reuse = Moves.converter(m, freed, 0);
        assertEquals(Cause.OK, reuse.outcome(), "a shared write to a shared page");
        PageState after = reuse.next();
        assertEquals(Content.SECRET, after.contents(1));
        assertEquals(Line.DIRTY, after.cache(1).sharedKey());
        assertEquals(new ConverterState(m.programs().get(0).reuseIndex() + 1, ConverterState.Status.FAILED_FREED, Cause.OK),
                after.converter(0));
        assertTrue(m.isTerminal(after));
        List<Move> host = Moves.hosts(m, after);
        assertTrue(host.stream().anyMatch(h -> h.outcome() == Cause.SECRET_TO_HOST));
    }

    @Test
    void onlyHypercallsMayFail() {
        // Scenario validation: a spec may let only a hypercall fail
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Build.on(Platform.SNP).mayFail(Primitive.PVALIDATE).scenario());
    }
}
