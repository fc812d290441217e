package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merged (and saturated) forms of {@link Indistinguishable} keep every verdict. On every reachable state
 * of several scenarios: the forms of the reachable states are exactly the states the reduced search reaches
 * (expanding forms, storing the forms of their successors); a safety property violated in a state is violated
 * in its form, and one violated in a form is violated in some reachable state of that form; liveness goals,
 * terminal states and the enabledness of converters and readers agree; and the hidden steps of the form
 * ({@code settle}: speculative TLB fills) are real steps that lead to a state of the same form with no fill
 * left to do.
 */
class IndistinguishableTest {

    private static void assertKeepsVerdicts(Scenario sc) {
        NaiveExplorer x = new NaiveExplorer(sc);
        PageModel m = x.model;
        Set<PageState> reachable = new HashSet<>(x.order);
        // the forms of the reachable states are exactly those the reduced search reaches, with the same
        // verdicts, liveness goals, terminal states and enabled converters and readers; every property watched
        Set<PageState> reduced = DeadTlbEntriesTest.assertExactForms(x, -1L);
        for (PageState s : x.order) {
            PageState c = m.merged(s);
            PageState[] last = {s};
            m.reductions().settle(s, (a, n) -> {
                assertTrue(successors(m, last[0]).contains(n), "a settle step is a real step");
                last[0] = n;
            });
            assertTrue(reachable.contains(last[0]));
            assertEquals(c, m.merged(last[0]), "settling keeps the form");
            m.reductions().settle(last[0], (a, n) -> { throw new AssertionError("settled twice: " + a); });
        }
        assertTrue(reduced.size() < x.states(), reduced.size() + " forms of " + x.states() + " states: something merges");
    }

    /** Whether crashed form r equals crashed form c but for more TLB entries, and violates all c violates. */
    static boolean covers(PageModel m, PageState r, PageState c) {
        if (!r.crashed()) return false;
        for (int i = 0; i < c.tlb.length; i++) {
            if (c.tlb[i] != TlbEntry.NONE && c.tlb[i] != r.tlb[i]) return false;
        }
        PageState withTlb = new PageState(c.layout(), c.ptes, r.tlb, c.cache, c.hv, c.contents, c.converters, c.readers,
                c.events, c.crash);
        if (!withTlb.equals(r)) return false;
        for (ModelProperty p : m.properties()) {
            if (!p.holds().test(c) && p.holds().test(r)) return false;
        }
        return true;
    }

    private static Set<PageState> successors(PageModel m, PageState s) {
        Set<PageState> out = new HashSet<>();
        m.successors(s, (a, n) -> out.add(n));
        return out;
    }

    static Set<Integer> programActorsEnabled(PageModel m, PageState s) {
        Set<Integer> out = new HashSet<>();
        m.successors(s, (a, n) -> {
            if (!a.actorName().equals("hardware")) out.add(a.actor());
        });
        return out;
    }

    @Test
    void cleanLinesAndStablePagesTlbEntriesMergeOnTdx() {
        // TDX generic path; page 0 is only read (stable), page 1 converted; lazy alias and vmalloc alias on
        assertKeepsVerdicts(Scenarios.standard(Platform.TDX, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 3));
    }

    @Test
    void mergesOnSnpWithoutSmeCoherent() {
        // write-backs with the wrong key leave garbage here: only dirty lines may matter
        assertKeepsVerdicts(Scenarios.standard(Platform.SNP, Options.defaults(), Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flush_cache flip psc pvalidate set_present", 2));
    }

    @Test
    void mergesOnVtomRoundTrip() {
        assertKeepsVerdicts(Scenarios.standard(Platform.VTOM, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases clear_present flush_tlb flip hv_visibility set_present flush_tlb", 1));
    }

    @Test
    void withoutTlbFillsStablePagesEntriesMergeInstead() {
        // no speculative TLB fill: no saturation; TLB entries of the unconverted page 0 merge with no entry
        Scenario all = Scenarios.standard(Platform.TDX, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 3);
        java.util.EnumSet<HardwareAction> hw = java.util.EnumSet.allOf(HardwareAction.class);
        hw.remove(HardwareAction.TLB_FILL);
        assertKeepsVerdicts(new Scenario(all.platform(), all.options(), all.cpus(), all.pages(), all.mappings(),
                all.converters(), all.readers(), all.hosts(), hw, java.util.Set.of(), all.onError()));
    }

    @Test
    void mergesWithALazyAliasZeropadAndAlwaysSteps() {
        // vTOM v6.9 with a failing hypercall, always set_present and a free; a zeropad through the lazy alias
        assertKeepsVerdicts(Build.on(Platform.VTOM).mappings(Mapping.DIRECT, Mapping.LAZY)
                .converter(0, Direction.TO_SHARED, "clear_present flush_tlb flip flush_tlb hv_visibility set_present",
                        java.util.Set.of(5), 1)
                .reader(1, 0, Mapping.LAZY).hardware(HardwareAction.values()).mayFail(Primitive.HV_VISIBILITY)
                .onError(ErrorPath.FREE).scenario());
    }
}
