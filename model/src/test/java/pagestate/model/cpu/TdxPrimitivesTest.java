package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * TDX MapGPA and ACCEPT (docs/model.md section 4: TDX ACCEPT zeroes the page; MapGPA converts the GPA range in
 * the VMM's view; arch/x86/coco/tdx/tdx.c).
 */
class TdxPrimitivesTest {

    private static Build tdx() {
        return Build.on(Platform.TDX);
    }

    @Test
    void mapGpaSharedMakesThePageSharedWithHostData() {
        // tdx.c tdx_enc_status_changed(): MapGPA(shared); the shared GPA has its own host backing
        PageModel m = tdx().converter(0, Direction.TO_SHARED, "map_gpa", 1).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void mapGpaSharedOfASharedPageChangesNothing() {
        // the VMM's view is already shared
        PageModel m = tdx().converter(0, Direction.TO_SHARED, "map_gpa", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_SHARED).contents(1, Content.SECRET).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }

    @Test
    void mapGpaPrivateLeavesThePagePendingAndFlushesTheSharedLinesWithVmmFlushOnMapPrivate() {
        // tdx.c tdx_tlb_flush_required() comment: on shared->private the VMM flushes (option on by default);
        // the shared line is written back while the page is still shared: harmless
        PageModel m = tdx().converter(0, Direction.TO_PRIVATE, "map_gpa", 1).model();
        PageState s = m.initialState().edit().cache(1, new CacheLines(Line.NONE, Line.DIRTY)).done();
        assertEquals(HvPage.TDX_SHARED, s.hv(1));
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.TDX_PENDING).contents(1, Content.GARBAGE)
                .cache(1, CacheLines.EMPTY).done();
        Step.assertNext(expected, Step.run(m, s));
        assertTrue(m.property(PropertyName.NO_STALE_DIRTY_LINE).holds().test(expected));
    }

    @Test
    void mapGpaPrivateWithoutVmmFlushLeavesAStaleSharedDirtyLine() {
        // option vmm_flush_on_map_private off: the guest sequence itself must flush the shared alias
        PageModel m = tdx().option(Options.Option.VMM_FLUSH_ON_MAP_PRIVATE, "off").hardware(HardwareAction.WRITEBACK)
                .converter(0, Direction.TO_PRIVATE, "map_gpa", 1).model();
        PageState s = m.initialState().edit().cache(1, new CacheLines(Line.NONE, Line.DIRTY)).done();
        Move move = Step.run(m, s);
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.TDX_PENDING).contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, move);
        assertFalse(m.property(PropertyName.NO_STALE_DIRTY_LINE).holds().test(move.next()));
        List<Move> wb = Moves.hardware(m, move.next());
        assertEquals(1, wb.size());
        assertEquals(Content.POISON, wb.get(0).next().contents(1), "its later write-back poisons the pending page");
    }

    @Test
    void mapGpaPrivateOfAPrivatePageChangesNothing() {
        // the VMM's view is already private
        PageModel m = tdx().converter(0, Direction.TO_PRIVATE, "map_gpa", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_ACCEPTED).contents(1, Content.SECRET).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }

    @Test
    void acceptMakesAPendingPageAcceptedAndZeroed() {
        // TDG.MEM.PAGE.ACCEPT zeroes the page (docs/model.md section 4)
        PageModel m = tdx().converter(0, Direction.TO_PRIVATE, "accept", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_PENDING).contents(1, Content.GARBAGE).done();
        PageState expected = Step.doneFrom(s, Cause.OK).hv(1, HvPage.TDX_ACCEPTED).contents(1, Content.ZERO).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void acceptOfAnAcceptedPageFailsAndTakesTheErrorPath() {
        // TDG.MEM.PAGE.ACCEPT returns TDX_PAGE_ALREADY_ACCEPTED; tdx-shared.c try_accept_one() treats any
        // TDCALL error as failure, so tdx_accept_memory() returns false and the conversion fails
        PageModel m = tdx().converter(0, Direction.TO_PRIVATE, "accept", 1).model();
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_ACCEPTED).contents(1, Content.SECRET).done();
        List<Move> moves = Moves.converterMoves(m, s, 0);
        assertEquals(1, moves.size());
        assertEquals(Cause.HYPERCALL_FAILED, moves.get(0).outcome());
        assertEquals(HvPage.TDX_ACCEPTED, moves.get(0).next().hv(1), "a failed ACCEPT changes nothing");
        assertEquals(Content.SECRET, moves.get(0).next().contents(1));
    }

    @Test
    void acceptOfASharedPageFailsAndTakesTheErrorPath() {
        // tdx_accept_memory() returns false on a page the VMM has not mapped private: the conversion fails
        PageModel m = tdx().converter(0, Direction.TO_PRIVATE, "accept", 1).model();
        PageState s = m.initialState();
        List<Move> moves = Moves.converterMoves(m, s, 0);
        assertEquals(1, moves.size());
        int afterReuse = m.programs().get(0).reuseIndex() + 1;
        PageState expected = s.edit().happen(Cause.HYPERCALL_FAILED)
                .converter(0, new ConverterState(afterReuse, ConverterState.Status.FAILED_LEAKED, Cause.HYPERCALL_FAILED))
                .done();
        Step.assertNext(expected, moves.get(0));
        assertEquals(Cause.HYPERCALL_FAILED, moves.get(0).outcome());
        assertTrue(m.isTerminal(moves.get(0).next()));
    }
}
