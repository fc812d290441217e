package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Regression figures: the number of reachable states of a few fixed scenarios. A change to the model's
 * semantics or its state shape moves them; then check the change was meant and update the figure.
 */
class PinnedStateCountsTest {

    @Test
    void snpRescindPscFlipWithoutHardwareHasSixteenStates() {
        // worked out by hand: converter pc 0..5 alone (6); the zeropad read early (before rescind) with every
        // converter pc after it (6); the read after rescind (#VC), after psc and after flip (RMP #NPF) crash (3);
        // the read after the final flush walks the shared PTE (1)
        Scenario s = Build.on(Platform.SNP).mappings(3).converter(0, Direction.TO_SHARED,
                "unmap_aliases rescind psc flip flush_tlb", 1).reader(1, 0).scenario();
        NaiveExplorer x = new NaiveExplorer(s);
        assertEquals(16, x.states());
        assertEquals(0, x.deadlocks());
    }

    @Test
    void tdxSevenStepsOnOneCpuWithTlbFillAndEviction() {
        // regression figure, computed once by NaiveExplorer
        Scenario s = Build.on(Platform.TDX).cpus(1).converter(0, Direction.TO_SHARED,
                "clear_present flush_tlb flip map_gpa set_present", 1).reader(0, 0)
                .hardware(HardwareAction.TLB_FILL, HardwareAction.TLB_EVICT).scenario();
        assertEquals(52, new NaiveExplorer(s).states());
    }

    @Test
    void standardScenariosOfTheCatalogue() {
        // 2 CPUs, 2 pages, direct map, owner converter on CPU0, zeropad on CPU1, host, all hardware
        assertEquals(2912, new NaiveExplorer(Scenarios.standard(Platform.TDX, Direction.TO_SHARED,
                DomainVariantsTest.TDX_TO_SHARED)).states());
        assertEquals(3264, new NaiveExplorer(Scenarios.standard(Platform.SNP, Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache rescind psc flip flush_tlb")).states());
        assertEquals(3272, new NaiveExplorer(Scenarios.standard(Platform.VTOM, Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flip hv_visibility set_present")).states());
    }
}
