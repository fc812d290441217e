package pagestate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merges of {@link Indistinguishable} are bisimulations: on every reachable state of several
 * scenarios, a state and its canonical form satisfy the same properties, are terminal alike, and have
 * the same successors up to canonical form.
 */
class IndistinguishableTest {

    private static Set<PageState> canonicalSuccessors(PageModel m, PageState s) {
        Set<PageState> out = new HashSet<>();
        m.successors(s, (a, n) -> out.add(m.canonical(n)));
        return out;
    }

    private static void assertBisimulation(Scenario sc) {
        NaiveExplorer x = new NaiveExplorer(sc);
        PageModel m = x.model;
        Set<PageState> classes = new HashSet<>();
        for (PageState s : x.order) {
            PageState c = m.canonical(s);
            classes.add(c);
            assertEquals(c, m.canonical(c), "idempotent");
            for (ModelProperty p : m.properties()) {
                assertEquals(p.holds().test(s), p.holds().test(c), p.name() + " on a state and its canonical form");
            }
            assertEquals(m.isTerminal(s), m.isTerminal(c), "terminal");
            assertEquals(canonicalSuccessors(m, s), canonicalSuccessors(m, c), "successors, up to canonical form");
        }
        assertTrue(classes.size() < x.states(), classes.size() + " classes of " + x.states() + " states: something merges");
    }

    @Test
    void cleanLinesAndStablePagesTlbEntriesMergeOnTdx() {
        // TDX generic path; page 0 is only read (stable), page 1 converted; lazy alias and vmalloc alias on
        assertBisimulation(Scenarios.standard(Platform.TDX, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 3));
    }

    @Test
    void mergesOnSnpWithoutSmeCoherent() {
        // write-backs with the wrong key leave garbage here: only dirty lines may matter
        assertBisimulation(Scenarios.standard(Platform.SNP, Options.defaults(), Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flush_cache flip psc pvalidate set_present", 2));
    }

    @Test
    void mergesOnVtomRoundTrip() {
        assertBisimulation(Scenarios.standard(Platform.VTOM, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases clear_present flush_tlb flip hv_visibility set_present flush_tlb", 1));
    }
}
