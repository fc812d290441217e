package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;

import org.junit.jupiter.api.Test;

/**
 * CLFLUSH and WBINVD (docs/model.md section 4: CLFLUSH takes a virtual address: Linux's cpa_flush() flushes
 * only pages whose PTE is present and silently skips the others. WBINVD flushes everything), each under
 * the platform's access rules (docs/model.md section 5).
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
        // CLFLUSH takes a virtual address (docs/model.md section 4): the walk caches it (SDM 4.10.2.3)
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().tlb(0, DIRECT, 1, TlbEntry.NONE).pte(DIRECT, 1, new Pte(true, SHARED))
                .cache(1, BOTH_DIRTY).hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA).done();
        PageState expected = Step.doneFrom(s, Cause.OK).tlb(0, DIRECT, 1, TlbEntry.SHARED)
                .cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushThroughAPrivateTranslationOfAPageTheVmmMappedSharedIsATdExit() {
        // SDM Vol. 2A CLFLUSH: "subject to all permission checking and faults associated with a byte load";
        // a private load of a page the VMM mapped shared is a TD exit (tdx.c, SEPT_VE_DISABLE); nothing is flushed
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_SHARED).contents(1, Content.HOST_DATA)
                .cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        PageState expected = Step.doneFrom(s, Cause.TD_EXIT_SHARED).happen(Cause.TD_EXIT_SHARED).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushThroughASharedTranslationOfAPrivatePageIsAnUnhandledVe() {
        // the load's EPT violation on a shared GPA is a #VE; CLFLUSH is no MMIO the handler decodes: fatal
        PageModel m = model(Platform.TDX, "flush_cache");
        PageState s = m.initialState().edit().tlb(0, DIRECT, 1, TlbEntry.SHARED).cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.VE_UNHANDLED).happen(Cause.VE_UNHANDLED).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushOnSnpFollowsTheRmp() {
        // C=1 CLFLUSH of a page the RMP gives to the hypervisor: nested page fault, like a C=1 read
        PageModel m = model(Platform.SNP, "flush_cache");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_HV_OWNED).cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.NPF_RMP_PRIVATE).happen(Cause.NPF_RMP_PRIVATE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void wbinvdOfAMismatchedDirtyLineCorruptsLikeAWriteBack() {
        // WBINVD writes back every line: a private-key dirty line of a page now hypervisor-owned leaves
        // garbage without SME_COHERENT; the intercepted WBINVD is a #VC the guest handles (core.c vc_handle_wbinvd())
        PageModel m = model(Platform.SNP, "wbinvd");
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_HV_OWNED).cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        PageState expected = Step.doneFrom(s, Cause.VC_WBINVD).happen(Cause.VC_WBINVD).cache(1, CacheLines.EMPTY)
                .contents(1, Content.GARBAGE).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void wbinvdInATdIsAFatalVe() {
        // WBINVD in a TD raises #VE (9a22bf6debbf) that tdx.c does not handle: nothing is flushed
        PageModel m = model(Platform.TDX, "wbinvd");
        PageState s = m.initialState().edit().cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.VE_WBINVD).happen(Cause.VE_WBINVD).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void wbinvdFlushesEveryLineOfEveryPage() {
        // WBINVD needs no address: both keys, every page, even a page whose PTE is not present
        PageModel m = model(Platform.VTOM, "wbinvd");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, PRIVATE)).tlb(0, DIRECT, 1, TlbEntry.NONE)
                .cache(0, new CacheLines(Line.CLEAN, Line.NONE)).cache(1, new CacheLines(Line.DIRTY, Line.CLEAN)).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(0, CacheLines.EMPTY).cache(1, CacheLines.EMPTY).done();
        Step.assertNext(expected, Step.run(m, s));
        assertEquals(Content.SECRET, Step.run(m, s).next().contents(1), "matching dirty line: harmless");
    }

    @Test
    void wbinvdOnVtomIsFatalWhenTheParavisorDoesNotHandleIt() {
        // option paravisor_handles_wbinvd off: the #VC goes to the paravisor, which cannot forward it
        PageModel m = Build.on(Platform.VTOM).option(Options.Option.PARAVISOR_HANDLES_WBINVD, "off")
                .converter(0, Direction.TO_SHARED, "wbinvd", 1).model();
        PageState s = m.initialState().edit().cache(1, BOTH_DIRTY).done();
        PageState expected = Step.doneFrom(s, Cause.VTOM_WBINVD).happen(Cause.VTOM_WBINVD).done();
        Step.assertNext(expected, Step.run(m, s));
    }
}
