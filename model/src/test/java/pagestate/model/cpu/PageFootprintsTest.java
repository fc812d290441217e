package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The saturated footprint (a step and the TLB fills it makes possible) against its definition, written
 * out for the test: on the reachable states of three scenarios (SNP and vTOM: every one; TDX with three
 * mappings, a larger space: every seventh in BFS order), for
 * every unit, it is the plain footprint plus, for each TLB entry filled from a PTE, the entry and its PTE
 * read and the entry written whenever the step writes the entry or the PTE.
 */
class PageFootprintsTest {

    /** Checks every {@code stride}-th reachable state (in BFS order). */
    private static void assertSaturationIsItsDefinition(Scenario sc, int stride) {
        NaiveExplorer x = new NaiveExplorer(sc);
        PageModel m = x.model;
        Layout layout = m.layout();
        int hardwareActor = m.actorNames().size() - 1;
        PageFootprints plain = new PageFootprints(sc, layout, m.programs(), hardwareActor, false);
        PageFootprints saturated = new PageFootprints(sc, layout, m.programs(), hardwareActor, true);
        int words = plain.words();
        int checked = 0;
        for (int i = 0; i < x.order.size(); i += stride) {
            PageState s = x.order.get(i);
            for (int unit = 0; unit < plain.units(); unit++) {
                long[] r = new long[words];
                long[] w = new long[words];
                plain.footprint(s, unit, r, w);
                saturate(layout, r, w);
                long[] r2 = new long[words];
                long[] w2 = new long[words];
                saturated.footprint(s, unit, r2, w2);
                assertArrayEquals(r, r2, "reads of unit " + unit + " in " + s);
                assertArrayEquals(w, w2, "writes of unit " + unit + " in " + s);
                checked++;
            }
        }
        assertTrue(checked > 1000, "footprints checked: " + checked);
    }

    /** The definition: every TLB entry filled from a PTE, with that PTE, is read and the entry written when the step writes either. */
    private static void saturate(Layout layout, long[] r, long[] w) {
        int tlb = layout.pteCount();   // the bit layout: the PTEs, then the TLB entries
        for (int cpu = 0; cpu < layout.cpus(); cpu++) {
            for (Mapping mapping : layout.mappingList()) {
                if (!mapping.hasPte() || mapping.ordinal() >= layout.pteMappings()) continue;
                for (int page = 0; page < layout.pages(); page++) {
                    int entry = tlb + layout.tlbIndex(cpu, mapping, page);
                    int pte = mapping.ordinal() * layout.pages() + page;
                    if (get(w, entry) || get(w, pte)) {
                        set(r, pte);
                        set(r, entry);
                        set(w, entry);
                    }
                }
            }
        }
    }

    /**
     * Random footprints on layouts of 0 to 9 CPUs, 0 to 3 mappings and 0 to 7 pages (encodings of several
     * words): the saturation step against its definition (suggested in review).
     */
    @Test
    void randomFootprintsOnLargeLayouts() {
        Scenario sc = Scenarios.standard(Platform.SNP, Options.defaults(), Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flush_cache flip psc pvalidate set_present", 2);
        PageModel m = new PageModel(sc);
        Random rnd = new Random(7);
        for (int cpus = 0; cpus <= 9; cpus++) {
            for (int mappings = 0; mappings <= 3; mappings++) {
                for (int pages = 0; pages <= 7; pages++) {
                    Layout l = new Layout(cpus, mappings, pages);
                    PageFootprints f = new PageFootprints(sc, l, m.programs(), m.actorNames().size() - 1, true);
                    for (int i = 0; i < 100; i++) {
                        long[] r = new long[f.words()];
                        long[] w = new long[f.words()];
                        double density = rnd.nextDouble() * 0.2;
                        for (int b = 0; b < 64 * r.length; b++) {
                            if (rnd.nextDouble() < density) set(r, b);
                            if (rnd.nextDouble() < density) set(w, b);
                        }
                        long[] r2 = r.clone();
                        long[] w2 = w.clone();
                        saturate(l, r, w);
                        f.saturation(r2, w2);
                        assertArrayEquals(r, r2, l + " reads");
                        assertArrayEquals(w, w2, l + " writes");
                    }
                }
            }
        }
    }

    private static boolean get(long[] a, int bit) {
        return (a[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    private static void set(long[] a, int bit) {
        a[bit >>> 6] |= 1L << (bit & 63);
    }

    @Test
    void tdxWithThreeMappings() {
        assertSaturationIsItsDefinition(Scenarios.standard(Platform.TDX, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 3), 7);
    }

    @Test
    void snp() {
        assertSaturationIsItsDefinition(Scenarios.standard(Platform.SNP, Options.defaults(), Direction.TO_PRIVATE,
                "unmap_aliases clear_present flush_tlb flush_cache flip psc pvalidate set_present", 2), 1);
    }

    @Test
    void vtom() {
        assertSaturationIsItsDefinition(Scenarios.standard(Platform.VTOM, Options.defaults(), Direction.TO_SHARED,
                "unmap_aliases clear_present flush_tlb flip hv_visibility set_present flush_tlb", 1), 1);
    }
}
