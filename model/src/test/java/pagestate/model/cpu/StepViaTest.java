package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static pagestate.model.cpu.Attribute.PRIVATE;
import static pagestate.model.cpu.Attribute.SHARED;
import static pagestate.model.cpu.Mapping.DIRECT;
import static pagestate.model.cpu.Mapping.LAZY;
import static pagestate.model.cpu.Mapping.VMALLOC;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Steps that take an address go through the mapping the spec names (docs/model.md section 10.2): CLFLUSH
 * through the address cpa_flush() was given, PVALIDATE through the address it is handed, each under the
 * same translation and access rules as a read (docs/model.md sections 4 and 5).
 */
class StepViaTest {

    private static final CacheLines BOTH_DIRTY = new CacheLines(Line.DIRTY, Line.DIRTY);

    private static PageModel model(Platform p, String step, Mapping via) {
        return Build.on(p).mappings(DIRECT, VMALLOC, LAZY).converterVia(0, Direction.TO_SHARED, step, via, 1).model();
    }

    @Test
    void clflushThroughTheLazyAliasFlushesNothing() {
        // set_memory.c cpa_flush(): lookup_address() finds no PTE for a vunmap()ed address, although every
        // CPU still holds a translation of it: nothing is flushed
        PageModel m = model(Platform.TDX, "flush_cache", LAZY);
        PageState s = m.initialState().edit().cache(1, BOTH_DIRTY).done();
        Step.assertNext(Step.doneFrom(s, Cause.OK).done(), Step.run(m, s));
    }

    @Test
    void clflushThroughTheVmallocAliasUsesTheAliasTranslation() {
        // the direct map's PTE is not present, the alias's is: cpa_flush() flushes the alias's address,
        // with the key of the alias's translation (CPU0's TLB entry, shared here)
        PageModel m = model(Platform.TDX, "flush_cache", VMALLOC);
        PageState s = m.initialState().edit().pte(DIRECT, 1, new Pte(false, PRIVATE))
                .tlb(0, VMALLOC, 1, TlbEntry.SHARED).cache(1, BOTH_DIRTY).hv(1, HvPage.TDX_SHARED).done();
        PageState expected = Step.doneFrom(s, Cause.OK).cache(1, new CacheLines(Line.DIRTY, Line.NONE)).done();
        Step.assertNext(expected, Step.run(m, s));
    }

    @Test
    void clflushThroughAnAliasTheTdxModuleForbidsIsATdExit() {
        // a private translation of a page the VMM has mapped shared: the CLFLUSH is judged like a read
        // (SDM Vol. 2A, CLFLUSH; docs/model.md section 5.1), through the alias as through the direct map
        PageModel m = model(Platform.TDX, "flush_cache", VMALLOC);
        PageState s = m.initialState().edit().hv(1, HvPage.TDX_SHARED).done();
        assertEquals(Cause.TD_EXIT_SHARED, Step.run(m, s).action().outcome());
    }

    @Test
    void pvalidateThroughAnAliasFaultsWhenThatAliasHasNoTranslation() {
        // PVALIDATE takes a virtual address: the direct map is present but the alias is not and CPU0 has
        // no entry for it: #PF inside PVALIDATE (docs/model.md section 4)
        PageModel m = model(Platform.SNP, "rescind", VMALLOC);
        PageState s = m.initialState().edit().pte(VMALLOC, 1, new Pte(false, PRIVATE)).tlb(0, VMALLOC, 1, TlbEntry.NONE).done();
        assertEquals(Cause.PF_IN_PVALIDATE, Step.run(m, s).action().outcome());
        PageModel direct = model(Platform.SNP, "rescind", DIRECT);
        assertEquals(Cause.OK, Step.run(direct, s).action().outcome(), "the direct map still translates");
    }

    @Test
    void onlyStepsThatTakeAnAddressNameAMapping() {
        assertThrows(IllegalArgumentException.class,
                () -> new Phase(Direction.TO_SHARED, List.of(Primitive.FLUSH_TLB), Set.of(), Map.of(0, LAZY)));
        Phase ph = new Phase(Direction.TO_SHARED, List.of(Primitive.FLUSH_CACHE), Set.of(), Map.of(0, DIRECT));
        assertEquals(Map.of(), ph.via(), "the direct map is the default, not stored");
        assertEquals(SHARED, Direction.TO_SHARED.target());
    }
}
