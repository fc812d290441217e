package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The page symmetry ({@link PageSymmetry}): which pages share a role, when a class may be permuted, and,
 * on random small scenarios of every platform, that the search over canonical forms (page and CPU
 * symmetry, merges) gives the unreduced search's verdict for every safety property and reaches only forms
 * of reachable states, that every liveness goal and terminal test agrees on a state and its form, and
 * that the packed canonical form equals the encoded object canonical form.
 */
class PageSymmetryTest {

    /**
     * Random scenarios (every platform, options, error paths, always steps, hardware subsets) reshaped so
     * that pages share a role: one more page, converted by the main converter too; the zeropad reader (if
     * any) reads page 0 into page 1, the host (if any) touches page 1 (page 0 with 3 pages).
     */
    static final Gen<Scenario> SCENARIOS = RandomScenarios.scenarios(2, 3, 1, 4)
            .map(PageSymmetryTest::withClass).describedAs(RandomScenarios::describe);
    private static final Gen<Long> SEEDS = longRange(0, Long.MAX_VALUE);

    static Scenario withClass(Scenario s) {
        int pages = s.pages() + 1;
        List<Converter> converters = new ArrayList<>();
        for (Converter c : s.converters()) {
            if (!c.name().equals("conv")) {
                converters.add(c);
                continue;
            }
            List<Integer> ps = new ArrayList<>();
            for (int p = 1; p < pages; p++) ps.add(p);
            converters.add(new Converter(c.name(), c.cpu(), ps, c.phases(), c.owner(), c.via()));
        }
        List<ZeropadReader> readers = s.readers().stream()
                .map(r -> new ZeropadReader(r.name(), r.cpu(), 0, r.via())).toList();
        List<HostActor> hosts = s.hosts().stream()
                .map(h -> new HostActor(h.name(), pages == 4 ? 1 : 0, h.reads(), h.writes())).toList();
        return new Scenario(s.platform(), s.options(), s.cpus(), pages, s.mappings(), converters, readers, hosts,
                s.hardware(), s.mayFail(), s.onError());
    }

    private static Scenario fourPages() {
        return Build.on(Platform.TDX).cpus(2).pages(4).mappings(1)
                .converter(0, Direction.TO_SHARED, "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 1, 2, 3)
                .reader(1, 0)
                .hardware(HardwareAction.TLB_FILL, HardwareAction.TLB_EVICT, HardwareAction.CACHE_FILL,
                        HardwareAction.WRITEBACK)
                .scenario();
    }

    /**
     * Pages 1 and 2 share a role, the converter's; page 0 is no one's. No reader (a zeropad reader names two
     * pages, which would take a fourth page and ten times the states): CPU 1 only fills and evicts TLB entries.
     */
    private static Scenario threePages() {
        return Build.on(Platform.TDX).cpus(2).pages(3).mappings(1)
                .converter(0, Direction.TO_SHARED, "unmap_aliases flush_tlb flush_cache flip flush_tlb map_gpa", 1, 2)
                .hardware(HardwareAction.TLB_FILL, HardwareAction.TLB_EVICT, HardwareAction.CACHE_FILL,
                        HardwareAction.WRITEBACK)
                .scenario();
    }

    @Test
    void pagesShareARoleUnlessAnActorNamesThem() {
        PageModel m = new PageModel(fourPages());
        assertEquals(1, m.pageClasses().length);
        assertArrayEquals(new int[] {2, 3}, m.pageClasses()[0], "page 1 is the reader's second page");
        Scenario hosted = Build.on(Platform.SNP).cpus(1).pages(4).mappings(1)
                .converter(0, Direction.TO_SHARED, "psc flip", 1, 2, 3).host(3, true, false).scenario();
        assertArrayEquals(new int[] {1, 2}, new PageModel(hosted).pageClasses()[0], "the host's page 3 has a role of its own");
        Scenario two = Build.on(Platform.VTOM).cpus(1).pages(4).mappings(2)
                .converter(0, Direction.TO_SHARED, "flip hv_visibility", 0, 1).reader(0, 2).scenario();
        assertArrayEquals(new int[] {0, 1}, new PageModel(two).pageClasses()[0]);
        assertEquals(1, new PageModel(two).pageClasses().length, "pages 2 and 3 are the reader's");
        Scenario split = Build.on(Platform.TDX).cpus(1).pages(4).mappings(1)
                .converter(0, Direction.TO_SHARED, "flip map_gpa", 0, 1)
                .converter(0, Direction.TO_SHARED, "flip map_gpa", 2, 3).scenario();
        assertEquals(2, new PageModel(split).pageClasses().length, "each converter's pages form a class of their own");
        Scenario unconverted = Build.on(Platform.TDX).cpus(1).pages(3).mappings(1)
                .converter(0, Direction.TO_SHARED, "flip map_gpa", 0).scenario();
        assertArrayEquals(new int[] {1, 2}, new PageModel(unconverted).pageClasses()[0], "pages no one converts");
    }

    @Test
    void aClassIsPermutedOnlyOnceItsConverterIsSettled() {
        Scenario sc = Build.on(Platform.SNP).cpus(1).pages(2).mappings(1)
                .owner(0, Direction.TO_PRIVATE, "psc pvalidate flip", 0, 1).scenario();
        PageModel m = new PageModel(sc);
        PageSymmetry ps = new PageSymmetry(sc, m.layout(), m.programs(), new int[0][]);
        // owner write, psc, pvalidate, flip, owner write, owner read: the owner's read is the last order-dependent step
        int running = ConverterState.Status.RUNNING.ordinal();
        for (int pc = 0; pc < 6; pc++) assertFalse(ps.settled(0, pc, running), "pc " + pc);
        assertTrue(ps.settled(0, 6, ConverterState.Status.DONE.ordinal()));
        Scenario free = Build.on(Platform.TDX).cpus(1).pages(2).mappings(1)
                .converter(0, Direction.TO_PRIVATE, "flip map_gpa accept", 0, 1).onError(ErrorPath.FREE).scenario();
        PageModel f = new PageModel(free);
        PageSymmetry fs = new PageSymmetry(free, f.layout(), f.programs(), new int[0][]);
        assertFalse(fs.settled(0, 2, running), "ACCEPT may fail and the reuse write follow");
        assertTrue(fs.settled(0, 3, ConverterState.Status.DONE.ordinal()));
        assertFalse(fs.settled(0, 3, ConverterState.Status.FAILED_FREED.ordinal()), "the reuse write is ahead");
        assertTrue(fs.settled(0, 4, ConverterState.Status.FAILED_FREED.ordinal()));
        Scenario leak = Build.on(Platform.TDX).cpus(1).pages(2).mappings(1)
                .converter(0, Direction.TO_PRIVATE, "flip map_gpa accept", 0, 1).scenario();
        PageModel l = new PageModel(leak);
        assertTrue(new PageSymmetry(leak, l.layout(), l.programs(), new int[0][]).settled(0, 0, running),
                "a failed ACCEPT changes nothing, and the error path leaks");
    }

    /** s with pages 1 and 2 exchanged, with every field of each. */
    private static PageState swap12(PageState s) {
        Layout l = s.layout;
        Pte[] ptes = s.ptes.clone();
        TlbEntry[] tlb = s.tlb.clone();
        CacheLines[] cache = s.cache.clone();
        HvPage[] hv = s.hv.clone();
        Content[] contents = s.contents.clone();
        for (int[] pq : new int[][] {{1, 2}, {2, 1}}) {
            int p = pq[0];
            int q = pq[1];
            for (int mi = 0; mi < l.pteMappings(); mi++) ptes[mi * l.pages() + p] = s.ptes[mi * l.pages() + q];
            for (int cpu = 0; cpu < l.cpus(); cpu++) {
                for (int mi = 0; mi < l.mappings(); mi++) tlb[l.tlbIndexAt(cpu, mi, p)] = s.tlb[l.tlbIndexAt(cpu, mi, q)];
            }
            cache[p] = s.cache[q];
            hv[p] = s.hv[q];
            contents[p] = s.contents[q];
        }
        return new PageState(l, ptes, tlb, cache, hv, contents, s.converters, s.readers, s.events, s.crash);
    }

    /** The page and CPU symmetries without the merges (which are no bisimulation: IndistinguishableTest). */
    private static PageState symmetric(PageModel m, PageState s) {
        return m.symmetric(m.pageSymmetric(s));
    }

    private static Set<PageState> symmetricSuccessors(PageModel m, PageState s) {
        Set<PageState> out = new HashSet<>();
        m.successors(s, (a, n) -> out.add(symmetric(m, n)));
        return out;
    }

    @Test
    void canonicalFormIsIdempotentPermutationInvariantAndKeepsEveryVerdict() {
        NaiveExplorer x = new NaiveExplorer(threePages());
        PageModel m = x.model;
        Set<PageState> reachable = new HashSet<>(x.order);
        int moved = 0;
        for (PageState s : x.order) {
            PageState c = symmetric(m, s);
            assertEquals(c, symmetric(m, c), "idempotent");
            assertEquals(m.canonical(s), m.canonical(m.canonical(s)), "idempotent with the merges");
            if (!m.pageSymmetric(s).equals(s)) moved++;
            PageState t = swap12(s);
            assertTrue(reachable.contains(t), "the reachable states are closed under the page symmetry");
            for (ModelProperty p : m.properties()) {
                assertEquals(p.holds().test(s), p.holds().test(t), p.name() + " on a state and its page permutation");
                assertEquals(p.holds().test(s), p.holds().test(c), p.name() + " on a state and its form");
            }
            assertEquals(m.isTerminal(s), m.isTerminal(t), "terminal");
            assertEquals(symmetricSuccessors(m, s), symmetricSuccessors(m, c), "a state and its form: same successors' forms");
            if (s.converter(0).pc() >= 3) {   // settled: past flush_cache, the order-dependent step
                assertEquals(c, symmetric(m, t), "permutation-invariant");
                assertEquals(m.canonical(s), m.canonical(t), "permutation-invariant with the merges");
                assertEquals(symmetricSuccessors(m, s), symmetricSuccessors(m, t), "successors map to successors");
            }
        }
        assertTrue(moved > 0, "some states' pages are sorted");
    }

    /** The states the reduced search reaches: forms expanded as they are, successors stored as their forms. */
    static Set<PageState> reducedSearch(PageModel m) {
        Set<PageState> reduced = new HashSet<>();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        PageState init = m.canonical(m.initialState());
        reduced.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            PageState r = queue.poll();
            m.successors(r, (a, n) -> {
                PageState c = m.canonical(n);
                if (reduced.add(c)) queue.add(c);
            });
        }
        return reduced;
    }

    private static final AtomicInteger SORTED = new AtomicInteger();
    private static final AtomicInteger SMALLER = new AtomicInteger();
    private static final AtomicInteger TOO_LARGE = new AtomicInteger();
    /**
     * A random scenario with more states than this is not checked: with 2 CPUs, 4 pages and every kind of
     * hardware action a scenario can reach 1.5 million states, minutes of this object-based exploration.
     */
    private static final int MAX_STATES = 40_000;

    @Test
    void reducedSearchGivesTheUnreducedVerdictsOnRandomScenarios() {
        SORTED.set(0);
        SMALLER.set(0);
        TOO_LARGE.set(0);
        qt().withExamples(60).withShrinkCycles(0).forAll(SCENARIOS).checkAssert(sc -> {
            NaiveExplorer x = new NaiveExplorer(sc, MAX_STATES);
            if (!x.complete) {
                TOO_LARGE.incrementAndGet();
                return;
            }
            PageModel m = x.model;
            Set<PageState> forms = new HashSet<>();
            boolean sorted = false;
            for (PageState s : x.order) {
                PageState c = m.canonical(s);
                forms.add(c);
                sorted |= !m.pageSymmetric(s).equals(s);
                assertEquals(m.isTerminal(s), m.isTerminal(c), "terminal");
                for (ModelProperty p : m.properties()) {
                    if (p.isLiveness()) assertEquals(p.holds().test(s), p.holds().test(c), p.name() + " goal on a form");
                }
            }
            Set<PageState> reduced = reducedSearch(m);
            Set<PageState> extra = new HashSet<>(reduced);
            extra.removeAll(forms);
            assertTrue(extra.isEmpty(), () -> "a form no reachable state has: " + extra.iterator().next());
            // (Not every running state's form need be reached: the TLB saturation is no bisimulation, and a
            // state with fewer entries may be covered by one with more; IndistinguishableTest. The verdicts agree.)
            for (ModelProperty p : m.properties()) {
                if (p.isLiveness()) continue;
                boolean violated = reduced.stream().anyMatch(r -> !p.holds().test(r));
                assertEquals(x.violated(p.name()), violated, p.name() + " reduced vs unreduced");
            }
            if (sorted) SORTED.incrementAndGet();
            if (sorted && reduced.size() < new HashSet<>(x.order.stream().map(m::merged).map(m::symmetric).toList()).size()) {
                SMALLER.incrementAndGet();
            }
        });
        assertTrue(TOO_LARGE.get() <= 20, TOO_LARGE.get() + " of 60 scenarios over " + MAX_STATES + " states");
        assertTrue(SORTED.get() >= 10, SORTED.get() + " of 60 scenarios sort pages in some state");
        assertTrue(SMALLER.get() >= 5, SMALLER.get() + " scenarios store fewer forms than with CPU symmetry alone");
    }

    @Test
    void packedCanonicalFormIsTheEncodedObjectCanonicalForm() {
        AtomicInteger sorted = new AtomicInteger();
        qt().withExamples(150).forAll(SCENARIOS.map(PageSymmetryTest::withCpus), SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            PackedReductions reductions = RandomScenarios.packedReductions(m);
            long[] scratch = reductions.scratch();
            RandomScenarios.walk(m, seed, 80, (s, moves) -> {
                for (Moves.Move mv : moves) {
                    long[] w = new long[m.words()];
                    m.encode(mv.next(), w, 0);
                    reductions.canonical(w, scratch);
                    long[] want = new long[m.words()];
                    m.encode(m.canonical(mv.next()), want, 0);
                    assertArrayEquals(want, w, () -> "canonical form of\n" + mv.next());
                    if (!m.pageSymmetric(mv.next()).equals(mv.next())) sorted.incrementAndGet();
                }
            });
        });
        assertTrue(sorted.get() > 100, "pages were sorted in " + sorted.get() + " successors");
    }

    /** {@code s} with two more CPUs, each running a zeropad reader of page 0 (a CPU class of two or three). */
    private static Scenario withCpus(Scenario s) {
        List<ZeropadReader> readers = new ArrayList<>(s.readers());
        readers.add(new ZeropadReader("zpa", s.cpus(), 0));
        readers.add(new ZeropadReader("zpb", s.cpus() + 1, 0));
        return new Scenario(s.platform(), s.options(), s.cpus() + 2, s.pages(), s.mappings(), s.converters(), readers,
                s.hosts(), s.hardware(), s.mayFail(), s.onError());
    }
}
