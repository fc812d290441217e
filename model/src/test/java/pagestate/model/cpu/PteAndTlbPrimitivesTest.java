package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;
import static pagestate.model.cpu.Mapping.LAZY;
import static pagestate.model.cpu.Mapping.VMALLOC;

import org.junit.jupiter.api.Test;
import pagestate.model.cpu.Moves.Move;

/**
 * The PTE and TLB primitives (docs/model.md section 2; arch/x86/mm/pat/set_memory.c). Every test: TDX,
 * 2 CPUs, 2 pages, all three mappings, a converter on CPU0 converting page 1 to shared with one step.
 */
class PteAndTlbPrimitivesTest {

    private static PageModel model(String step) {
        return Build.on(Platform.TDX).mappings(3).converter(0, Direction.TO_SHARED, step, 1).model();
    }

    @Test
    void unmapAliasesDropsOnlyTheLazyAliasTlbEntries() {
        // mm/vmalloc.c vm_unmap_aliases(): flushes the lazily freed vmap areas on every CPU
        PageModel m = model("unmap_aliases");
        PageState s = m.initialState();
        Move move = Step.run(m, s);
        PageState.Editor e = Step.doneFrom(s, Cause.OK);
        for (int cpu = 0; cpu < 2; cpu++) for (int page = 0; page < 2; page++) e.tlb(cpu, LAZY, page, TlbEntry.NONE);
        Step.assertNext(e.done(), move);
    }

    @Test
    void clearPresentClearsTheDirectMapAndVmallocPtesAndNoTlbEntry() {
        // set_memory_np(): __change_page_attr() and cpa_process_alias(); no invalidation by itself
        PageModel m = model("clear_present");
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(false, PRIVATE)).pte(VMALLOC, 1, new Pte(false, PRIVATE)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void setPresentSetsTheDirectMapAndVmallocPtesAndNoTlbEntry() {
        // set_memory_p(): PRESENT 0 -> 1 needs no invalidation (SDM 4.10.4.3)
        PageModel m = model("set_present");
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, SHARED)).pte(VMALLOC, 1, new Pte(false, SHARED))
                .tlb(1, DIRECT, 1, TlbEntry.NONE).done();
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(true, SHARED)).pte(VMALLOC, 1, new Pte(true, SHARED)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void flipSetsTheAttributeToThePhaseTargetAndKeepsPresentAndTheTlb() {
        // set_memory.c __set_memory_enc_pgtable(): the attribute changes in the PTEs; the TLB keeps the old one
        PageModel m = model("flip");
        PageState s = m.initialState().edit().pte(VMALLOC, 1, new Pte(false, PRIVATE)).done();
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(true, SHARED)).pte(VMALLOC, 1, new Pte(false, SHARED)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void flipToPrivateSetsThePrivateAttribute() {
        // set_memory_encrypted(): the attribute goes to private in the direct map and its aliases
        PageModel m = Build.on(Platform.TDX).mappings(2).converter(0, Direction.TO_PRIVATE, "flip", 1).model();
        PageState s = m.initialState();
        assertEquals(new Pte(true, SHARED), s.pte(DIRECT, 1), "a to-private converter's page starts shared");
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(true, PRIVATE)).pte(VMALLOC, 1, new Pte(true, PRIVATE)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clearPresentAndFlipWritesBothInOnePteWrite() {
        // Edgecombe's variant: PRESENT 1 -> 0 and the new attribute in one PTE write
        PageModel m = model("clear_present_and_flip");
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(false, SHARED)).pte(VMALLOC, 1, new Pte(false, SHARED)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void pteWritesCoverEveryPageOfTheConverter() {
        // __set_memory_enc_pgtable() converts the whole range
        PageModel m = Build.on(Platform.TDX).pages(3).converter(0, Direction.TO_SHARED, "clear_present_and_flip", 1, 2).model();
        PageState s = m.initialState();
        PageState expected = Step.doneFrom(s, Cause.OK)
                .pte(DIRECT, 1, new Pte(false, SHARED)).pte(DIRECT, 2, new Pte(false, SHARED)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void flushTlbDropsDirectAndVmallocEntriesOnEveryCpuButNotLazyOnes() {
        // set_memory.c cpa_flush(): flush_tlb_kernel_range() by IPI; the lazy alias is outside the range
        PageModel m = model("flush_tlb");
        PageState s = m.initialState();
        PageState.Editor e = Step.doneFrom(s, Cause.OK);
        for (int cpu = 0; cpu < 2; cpu++) {
            e.tlb(cpu, DIRECT, 1, TlbEntry.NONE).tlb(cpu, VMALLOC, 1, TlbEntry.NONE);
        }
        Move move = Step.run(m, s);
        Step.assertNext(e.done(), move);
        assertEquals(TlbEntry.PRIVATE, move.next().tlb(1, LAZY, 1));
        assertEquals(TlbEntry.PRIVATE, move.next().tlb(1, DIRECT, 0), "other pages keep their entries");
    }
}
