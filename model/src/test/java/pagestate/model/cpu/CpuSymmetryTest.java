package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CPU symmetry (CpuSymmetry): CPUs 1 and 2 run the same zeropad reader and are interchangeable with
 * their TLB rows; the converter's CPU 0 is not. Checked on every reachable state of a small TDX scenario.
 */
class CpuSymmetryTest {

    private static Scenario scenario() {
        return Build.on(Platform.TDX).cpus(3).pages(2).mappings(1)
                .owner(0, Direction.TO_SHARED, "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 1)
                .reader(1, 0).reader(2, 0)
                .hardware(HardwareAction.TLB_FILL, HardwareAction.TLB_EVICT)
                .scenario();
    }

    /** s with CPUs 1 and 2 exchanged, TLB rows and readers (zp0 on CPU1, zp1 on CPU2) together. */
    private static PageState swap(PageState s) {
        int row = s.layout.mappings() * s.layout.pages();
        TlbEntry[] tlb = s.tlb.clone();
        System.arraycopy(s.tlb, row, tlb, 2 * row, row);
        System.arraycopy(s.tlb, 2 * row, tlb, row, row);
        ReaderState[] readers = {s.readers[1], s.readers[0]};
        return new PageState(s.layout, s.ptes, tlb, s.cache, s.hv, s.contents, s.converters, readers, s.events, s.crash);
    }

    private static Set<PageState> canonicalSuccessors(PageModel m, PageState s) {
        Set<PageState> out = new HashSet<>();
        m.successors(s, (a, n) -> out.add(m.symmetric(n)));
        return out;
    }

    @Test
    void readerCpusFormOneClassAndTheConverterCpuNone() {
        Scenario sc = scenario();
        int[][] classes = new CpuSymmetry(sc, new Layout(3, 1, 2)).classes();
        assertEquals(1, classes.length);
        assertArrayEquals(new int[] {1, 2}, classes[0]);
        Scenario mixed = Build.on(Platform.TDX).cpus(3).pages(3).mappings(1)
                .converter(0, Direction.TO_SHARED, "flip", 2).reader(1, 0).reader(2, 1).scenario();
        assertEquals(0, new CpuSymmetry(mixed, new Layout(3, 1, 3)).classes().length, "readers of different pages");
    }

    @Test
    void symmetricFormIsIdempotentPermutationInvariantAndKeepsEveryVerdict() {
        NaiveExplorer x = new NaiveExplorer(scenario());
        PageModel m = x.model;
        Set<PageState> reachable = new HashSet<>(x.order);
        Set<PageState> classes = new HashSet<>();
        int moved = 0;
        for (PageState s : x.order) {
            PageState c = m.symmetric(s);
            classes.add(c);
            if (!c.equals(s)) moved++;
            assertEquals(c, m.symmetric(c), "idempotent");
            PageState t = swap(s);
            assertTrue(reachable.contains(t), "the reachable states are closed under the symmetry");
            assertEquals(c, m.symmetric(t), "permutation-invariant");
            assertEquals(canonicalSuccessors(m, s), canonicalSuccessors(m, c),
                    "a state and its canonical form have the same successors, up to canonical form");
            for (ModelProperty p : m.properties()) {
                assertEquals(p.holds().test(s), p.holds().test(c), p.name() + " on a state and its canonical form");
            }
            assertEquals(m.isTerminal(s), m.isTerminal(c), "terminal");
            assertEquals(canonicalSuccessors(m, s), canonicalSuccessors(m, t), "successors map to successors");
        }
        assertTrue(moved > 0, "some states are not canonical");
        assertTrue(classes.size() < x.states(), classes.size() + " classes of " + x.states() + " states");
    }

    /**
     * The model declares that an exchanged reader's enabledness changes only by its own step or a step into
     * a dead end (Reductions.exchangedEnablednessIsLocal): checked on every reachable step, with every
     * hardware action on and a SNP scenario whose guest can die.
     */
    @Test
    void readersEnablednessChangesOnlyByTheirOwnStepOrADeadEnd() {
        Scenario tdx = scenario();
        Scenario snp = Build.on(Platform.SNP).cpus(3).pages(2).mappings(1)
                .owner(0, Direction.TO_SHARED, "unmap_aliases flush_tlb flush_cache rescind psc flip flush_tlb", 1)
                .reader(1, 0).reader(2, 0)
                .scenario();
        int checked = 0;
        for (Scenario sc : List.of(tdx, snp)) {
            NaiveExplorer x = new NaiveExplorer(sc);
            PageModel m = x.model;
            assertTrue(m.reductions().exchangedEnablednessIsLocal());
            assertEquals(Set.of(1, 2), m.reductions().exchangedActors(), "the two readers (actors after the converter)");
            for (PageState s : x.order) {
                Set<Integer> before = enabled(m, s);
                m.successors(s, (a, n) -> {
                    if (!hasSuccessor(m, n)) return;   // a dead end
                    for (int reader : m.reductions().exchangedActors()) {
                        if (reader == a.actor()) continue;
                        assertEquals(before.contains(reader), enabled(m, n).contains(reader),
                                m.actorNames().get(reader) + " enabledness changed by " + a);
                    }
                });
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    private static Set<Integer> enabled(PageModel m, PageState s) {
        Set<Integer> out = new HashSet<>();
        m.successors(s, (a, n) -> out.add(a.actor()));
        return out;
    }

    private static boolean hasSuccessor(PageModel m, PageState s) {
        boolean[] any = {false};
        m.successors(s, (a, n) -> any[0] = true);
        return any[0];
    }
}
