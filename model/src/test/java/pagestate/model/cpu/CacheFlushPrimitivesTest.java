package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;

import org.junit.jupiter.api.Test;

/**
 * CLFLUSH and WBINVD (domain.md section 4: "CLFLUSH takes a virtual address: Linux's cpa_flush() flushes
 * only pages whose PTE is present and silently skips the others. WBINVD flushes everything").
 */
class CacheFlushPrimitivesTest {

    private static final CacheLines BOTH_DIRTY = new CacheLines(Line.DIRTY, Line.DIRTY);

    private static PageModel model(Platform p, String step) {
        return Build.on(p).converter(0, Direction.TO_SHARED, step, 1).model();
    }

    @Test
    void clflushSkipsNotPresentPage() {
        // set_memory.c cpa_flush(): lookup_address() finds no present PTE -> the page is skipped, although
        // CPU0 still has a TLB entry for it
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, PRIVATE)).cache(1, BOTH_DIRTY).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }

    @Test
    void clflushFlushesOnlyTheKeyOfTheTranslationItUses() {
        // CLFLUSH flushes the line of the address it is given; the HKID / C-bit is part of that address
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(1, new CacheLines(Line.NONE, Line.DIRTY)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushUsesTheStaleTlbEntryNotTheNewPte() {
        // SDM 4.10.2.3: the PTE already says shared, but CPU0's TLB entry still translates as private
        PageModel m = model(Platform.SNP, "flush_cache");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(true, SHARED)).cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(1, new CacheLines(Line.NONE, Line.DIRTY)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushWalksAPresentPteAndCachesTheTranslation() {
        // CLFLUSH takes a virtual address (domain.md section 4): the walk caches it (SDM 4.10.2.3)
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().tlb(0, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(true, SHARED))
                .cache(1, BOTH_DIRTY).hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA).done();
        PageState expected = Step.doneFrom(s, Cause.OK).tlb(0, DIRECT, 1, TlbEntry.SHARED)
                .cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushOfAMismatchedDirtyLineCorruptsLikeAWriteBack() {
        // the flush writes the line back: a private-key dirty line on a page now shared poisons it on TDX
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA)
                .cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(1, CacheLines.EMPTY).contents(1, Content.POISON).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void wbinvdFlushesEveryLineOfEveryPage() {
        // WBINVD needs no address: both keys, every page, even a page whose PTE is not present
        PageModel m = model(Platform.SNP, "wbinvd");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, PRIVATE)).tlb(0, DIRECT, 1, TlbEntry.NONE)
                .cache(0, new CacheLines(Line.CLEAN, Line.NONE)).cache(1, new CacheLines(Line.DIRTY, Line.CLEAN)).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(0, CacheLines.EMPTY).cache(1, CacheLines.EMPTY).done();
        Step.assertNext(expected, Step.run(m, s));
        assertEquals(Content.SECRET, Step.run(m, s).next().contents(1), "matching dirty line: harmless");
    }
}
