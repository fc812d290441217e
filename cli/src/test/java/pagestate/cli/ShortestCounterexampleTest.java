package pagestate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import pagestate.checker.CheckerConfig;
import pagestate.checker.PropertyResult;
import pagestate.checker.Verdict;

/**
 * A counterexample found over reduced states is as short as the unreduced search's, which is a shortest
 * path: the lifted path's extra steps are dropped, a TLB fill together with the eviction that empties the
 * entry again (neither can go alone: without the fill there is nothing to evict, without the eviction
 * the entry hides the disagreement).
 */
class ShortestCounterexampleTest {

    /** specs/catalog/cpu/tdx-flush-cache-via-vmalloc.pspec with every kind of hardware action. */
    private static final String SPEC = """
            spec vmalloc-hardware-all
            description "TDX private -> shared through a live vmalloc alias, every hardware action"
            system cpu
            platform tdx
            cpus 2
            pages 2
            mappings direct vmalloc
            converter conv on cpu 0 pages 1 owner via vmalloc
              to shared:
                unmap_aliases
                flush_tlb
                flush_cache via vmalloc
                flip
                flush_tlb
                map_gpa
            reader zp on cpu 1 page 0
            hardware all
            check aliases_agree
            """;

    private static PropertyResult<?, ?> aliasesAgree(CheckerConfig config) {
        return PageSymmetryTraceTest.run("vmalloc-hardware-all.pspec", SPEC, config).result()
                .property("aliases_agree").orElseThrow();
    }

    @Test
    void reducedCounterexampleIsAsShortAsTheUnreducedOne() {
        PropertyResult<?, ?> full = aliasesAgree(CheckerConfig.defaults().withSymmetry(false).withPor(false));
        PropertyResult<?, ?> reduced = aliasesAgree(CheckerConfig.defaults().withThreads(1));
        assertEquals(Verdict.VIOLATED, full.verdict());
        assertEquals(Verdict.VIOLATED, reduced.verdict());
        assertEquals(5, full.trace().length(), "the shortest path: " + full.trace());
        assertEquals(full.trace().length(), reduced.trace().length(), "reduced: " + reduced.trace());
    }
}
