package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole canonical form (merges, TLB saturation, page and CPU symmetry) against the unreduced search, on
 * random scenarios of every platform with every selection of mappings (the direct map, the vmalloc alias,
 * the lazy alias) and every subset of hardware actions: the reduced search violates a safety property
 * exactly when the unreduced one does. (It caught the TLB saturation without {@code tlb_evict}: an entry
 * filled early could never leave, and a vmalloc alias's aliases_agree violation was lost.)
 */
class ReducedVerdictsRandomTest {

    @Test
    void reducedSearchGivesTheUnreducedVerdictsWithAnyMappingsAndHardware() {
        qt().withExamples(40).withShrinkCycles(20)
                .forAll(RandomScenarios.scenarios(2, 2, 3, 4).describedAs(RandomScenarios::describe))
                .checkAssert(sc -> {
                    NaiveExplorer x = new NaiveExplorer(sc);
                    PageModel m = x.model;
                    Set<PageState> reduced = PageSymmetryTest.reducedSearch(m);
                    for (ModelProperty p : m.properties()) {
                        if (p.isLiveness()) continue;
                        boolean violated = reduced.stream().anyMatch(r -> !p.holds().test(r));
                        assertEquals(x.violated(p.name()), violated, p.name() + " reduced vs unreduced");
                    }
                });
    }

    @Test
    void aVmallocAliasFilledWithoutEvictionKeepsItsAliasesAgreeViolation() {
        // hardware all except tlb_evict; the converter flushes around the flip, so only an entry filled from
        // the vmalloc alias's old PTE after the first flush can disagree with the flipped direct map
        Scenario sc = Build.on(Platform.TDX).cpus(2).pages(2).mappings(Mapping.DIRECT, Mapping.VMALLOC)
                .converter(0, Direction.TO_SHARED, "flush_tlb flip flush_tlb map_gpa", 1)
                .hardware(java.util.Arrays.stream(HardwareAction.values())
                        .filter(a -> a != HardwareAction.TLB_EVICT).toArray(HardwareAction[]::new))
                .scenario();
        NaiveExplorer x = new NaiveExplorer(sc);
        Set<PageState> reduced = PageSymmetryTest.reducedSearch(x.model);
        for (ModelProperty p : x.model.properties()) {
            if (p.isLiveness()) continue;
            assertEquals(x.violated(p.name()), reduced.stream().anyMatch(r -> !p.holds().test(r)), p.name().toString());
        }
    }
}
