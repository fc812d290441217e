package pagestate.model.cpu;

import pagestate.model.PropertyName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kelley's seven steps (seed 004, RFC of July 2023, docs/model.md section 2) and Edgecombe's variant, on each
 * platform: what the rules of sections 4-5 make of them. Standard scenario: 2 CPUs, 2 pages, owner converter
 * on CPU0 converting page 1, zeropad on CPU1 from page 0, host on page 1, all hardware.
 */
class KelleySevenStepsTest {

    private static NaiveExplorer explore(Platform p, Direction d, String steps) {
        return new NaiveExplorer(Scenarios.standard(p, d, steps));
    }

    private static List<PropertyName> violated(NaiveExplorer x) {
        return x.firstViolation.keySet().stream().toList();
    }

    @Test
    void tdxCacheFlushAfterClearPresentIsSkippedAndLeavesAStaleDirtyLine() {
        // cpa_flush() skips pages whose PTE is not present (docs/model.md section 4): the owner's private dirty
        // line survives MapGPA(shared)
        NaiveExplorer x = explore(Platform.TDX, Direction.TO_SHARED,
                "unmap_aliases clear_present flush_tlb flush_cache flip map_gpa set_present");
        assertEquals(List.of(PropertyName.NO_STALE_DIRTY_LINE), violated(x));
        List<NaiveExplorer.Step> trace = x.trace(PropertyName.NO_STALE_DIRTY_LINE);
        assertTrue(trace.get(trace.size() - 1).action().description().startsWith("map_gpa"));
    }

    @Test
    void tdxCacheFlushBeforeClearPresentKeepsEveryProperty() {
        // cpa_flush() still sees the present PTE: the owner's dirty line is flushed before MapGPA
        NaiveExplorer x = explore(Platform.TDX, Direction.TO_SHARED,
                "unmap_aliases flush_cache clear_present flush_tlb flip map_gpa set_present");
        assertEquals(List.of(), violated(x));
        assertEquals(0, x.deadlocks());
    }

    @Test
    void tdxSevenStepsToPrivateKeepEveryProperty() {
        // with vmm_flush_on_map_private (default) the VMM does the shared->private cache flush
        assertEquals(List.of(), violated(explore(Platform.TDX, Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flush_cache flip map_gpa accept set_present")));
    }

    @Test
    void snpRescindThroughTheNotPresentDirectMapIsLendackysOops() {
        // Lendacky on Kelley's v1 (Oct 2023): PVALIDATE after set_memory_np() takes a #PF in the kernel
        for (Direction d : Direction.values()) {
            String steps = d == Direction.TO_SHARED
                    ? "unmap_aliases clear_present flush_tlb flush_cache flip rescind psc set_present"
                    : "unmap_aliases clear_present flush_tlb flush_cache flip psc pvalidate set_present";
            NaiveExplorer x = explore(Platform.SNP, d, steps);
            assertTrue(x.violated(PropertyName.NO_FATAL), d.name());
            assertEquals(Cause.PF_IN_PVALIDATE, x.firstViolation.get(PropertyName.NO_FATAL).crash(), d.name());
            assertTrue(x.violated(PropertyName.SNP_VALIDATION_ORDER), d.name());
            assertFalse(x.violated(PropertyName.NO_COCO_EXCEPTION), d.name());
        }
    }

    @Test
    void vtomSevenStepsKeepEveryProperty() {
        // Kelley's design (seed 004): with PRESENT clear no access reaches a page in transition
        for (Direction d : Direction.values()) {
            assertEquals(List.of(), violated(explore(Platform.VTOM, d,
                    "unmap_aliases clear_present flush_tlb flip hv_visibility set_present")), d.name());
        }
    }

    @Test
    void edgecombeMergedWriteOnTdxStillNeedsTheCacheFlushWhileThePteIsPresent() {
        // Edgecombe's variant: the merged write clears PRESENT, so the later CLFLUSH is skipped (cpa_flush())
        NaiveExplorer x = explore(Platform.TDX, Direction.TO_SHARED,
                "unmap_aliases clear_present_and_flip flush_tlb flush_cache map_gpa set_present");
        assertEquals(List.of(PropertyName.NO_STALE_DIRTY_LINE), violated(x));
    }

    @Test
    void edgecombeMergedWriteOnSnpFaultsInPvalidate() {
        // Lendacky's oops (Oct 2023): PVALIDATE through the non-present direct map
        NaiveExplorer x = explore(Platform.SNP, Direction.TO_SHARED,
                "unmap_aliases clear_present_and_flip flush_tlb flush_cache rescind psc set_present");
        assertEquals(Cause.PF_IN_PVALIDATE, x.firstViolation.get(PropertyName.NO_FATAL).crash());
    }
}
