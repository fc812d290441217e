package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;

import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * Translation of a guest access (docs/model.md section 4): the TLB entry if one exists, else a walk of a
 * present PTE that caches the translation, else #PF; and the zeropad's #PF fixup (section 5).
 */
class TranslationTest {

    /** TDX, every page private and accepted, a zeropad on CPU1 reading page 0 across into page 1. */
    private final PageModel model = Build.on(Platform.TDX).reader(1, 0).model();
    private final PageState init = model.initialState();

    private static CacheLines clean(Attribute key) {
        return CacheLines.EMPTY.with(key, Line.CLEAN);
    }

    @Test
    void tlbEntryIsUsedEvenWhenThePteChanged() {
        // SDM Vol. 3A 4.10.2.3: a cached translation stays until flushed, whatever happens to the PTE.
        // Page 1's PTE was cleared and flipped without a flush: CPU1 still translates it as private.
        PageState s = init.edit().pte(DIRECT, 1, new Pte(false, SHARED)).done();
        Move m = Moves.reader(model, s, 0);
        assertEquals(Cause.OK, m.outcome());
        PageState expected = s.edit().reader(0, new ReaderState(true, Cause.OK))
                .cache(0, clean(PRIVATE)).cache(1, clean(PRIVATE)).done();
        assertEquals(expected, m.next());
    }

    @Test
    void stalePrivateTlbEntryWinsOverAPresentSharedPte() {
        // SDM Vol. 3A 4.10.2.3: the access uses the TLB entry, not the new PTE; on TDX a private access to a
        // page the VMM mapped shared is a TD exit (docs/model.md section 5), although the PTE already says shared.
        PageState s = init.edit().pte(DIRECT, 1, new Pte(true, SHARED)).hv(1, HvPage.TDX_SHARED).done();
        Move m = Moves.reader(model, s, 0);
        assertEquals(Cause.TD_EXIT_SHARED, m.outcome());
        assertEquals(TlbEntry.PRIVATE, m.next().tlb(1, DIRECT, 1));
    }

    @Test
    void pageWalkOfAPresentPteFillsTheTlb() {
        // SDM Vol. 3A 4.10.2.3: a walk of a present PTE caches the translation it used.
        PageState s = init.edit().tlb(1, DIRECT, 0, TlbEntry.NONE)
                .tlb(1, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(true, SHARED))
                .hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA).done();
        Move m = Moves.reader(model, s, 0);
        assertEquals(Cause.OK, m.outcome());
        PageState expected = s.edit().tlb(1, DIRECT, 0, TlbEntry.PRIVATE).tlb(1, DIRECT, 1, TlbEntry.SHARED)
                .reader(0, new ReaderState(true, Cause.OK)).cache(0, clean(PRIVATE)).cache(1, clean(SHARED)).done();
        assertEquals(expected, m.next());
    }

    @Test
    void notPresentPteWithoutTlbEntryRaisesPageFault() {
        // SDM Vol. 3A 4.10.4.3: nothing is cached from a non-present PTE, so the access faults (#PF).
        Accesses accesses = new Accesses(PlatformRules.of(Platform.TDX), Options.defaults());
        PageState.Editor e = init.edit().tlb(1, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(false, PRIVATE));
        assertNull(accesses.translate(e, 1, DIRECT, 1));
        assertEquals(TlbEntry.NONE, e.tlbNow(1, DIRECT, 1), "no TLB entry from a non-present PTE");
    }

    @Test
    void lazyAliasTranslatesOnlyThroughItsLingeringTlbEntry() {
        // mm/vmalloc.c: a lazily freed vmap area has no PTE; only its lingering TLB entries translate.
        PageModel m3 = Build.on(Platform.TDX).mappings(3).reader(1, 0).model();
        Accesses accesses = new Accesses(PlatformRules.of(Platform.TDX), Options.defaults());
        PageState.Editor e = m3.initialState().edit();
        assertEquals(PRIVATE, accesses.translate(e, 0, Mapping.LAZY, 1));
        e.tlb(0, Mapping.LAZY, 1, TlbEntry.NONE);
        assertNull(accesses.translate(e, 0, Mapping.LAZY, 1));
    }

    @Test
    void zeropadSecondPagePageFaultIsFixedUp() {
        // arch/x86/mm/extable.c ex_handler_zeropad(): the #PF on the second page is fixed up, on every platform.
        for (Platform p : Platform.values()) {
            PageModel m = Build.on(p).reader(1, 0).model();
            PageState s = m.initialState().edit().tlb(1, DIRECT, 1, TlbEntry.NONE)
                    .pte(DIRECT, 1, new Pte(false, PRIVATE)).done();
            Move move = Moves.reader(m, s, 0);
            assertEquals(Cause.PF_FIXUP, move.outcome(), p.name());
            assertFalse(move.next().crashed(), p.name());
            assertTrue(move.next().happened(Cause.PF_FIXUP), p.name());
            assertEquals(new ReaderState(true, Cause.PF_FIXUP), move.next().reader(0), p.name());
        }
    }

    @Test
    void zeropadFirstPagePageFaultIsFatal() {
        // docs/model.md section 5: only the second page's #PF is fixed up; the first page is an ordinary kernel access.
        PageState s = init.edit().tlb(1, DIRECT, 0, TlbEntry.NONE).pte(DIRECT, 0, new Pte(false, PRIVATE)).done();
        Move m = Moves.reader(model, s, 0);
        assertEquals(Cause.PF_OOPS, m.outcome());
        assertEquals(Cause.PF_OOPS, m.next().crash());
        assertEquals(new ReaderState(true, Cause.PF_OOPS), m.next().reader(0));
    }

    @Test
    void ownerWriteThroughNotPresentPteOopses() {
        // SDM Vol. 3A 4.10.4.3 and docs/model.md section 5: a kernel #PF outside a zeropad fixup is fatal.
        PageModel m = Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "flush_tlb", 1).model();
        PageState s = m.initialState().edit().tlb(0, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(false, PRIVATE)).done();
        Move move = Moves.converter(m, s, 0);
        assertEquals(Cause.PF_OOPS, move.outcome());
        assertEquals(Cause.PF_OOPS, move.next().crash());
        assertEquals(Content.SECRET, move.next().contents(1), "nothing written");
    }
}
