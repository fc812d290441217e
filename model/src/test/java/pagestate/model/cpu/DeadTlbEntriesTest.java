package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pagestate.model.PropertyName;

/**
 * The canonical form that merges TLB entries nothing reads again ({@link DeadTlbEntries}), given the
 * properties still watched: a search over it violates each watched safety property exactly when the
 * unreduced search does, on random scenarios of every platform with up to 3 CPUs and every selection of
 * mappings and hardware actions; the packed form is bit for bit the object one; and with seven readers
 * it is what makes 8 CPUs cheap.
 */
class DeadTlbEntriesTest {

    /** What the safety search watches once translations_consistent and aliases_agree are violated. */
    private static final long WITHOUT_EVERY_ENTRY = ~DeadTlbEntries.EVERY_ENTRY;

    /** The masks a search goes through, past every property watched (the form of 11.2 alone). */
    private static final long[] MASKS = {
        WITHOUT_EVERY_ENTRY,
        WITHOUT_EVERY_ENTRY & ~DeadTlbEntries.AFTER_DONE,
        ~bit(PropertyName.TRANSLATIONS_CONSISTENT),
        0,
    };

    private static long bit(PropertyName p) {
        return 1L << p.ordinal();
    }

    /** Every state reachable over {@code m.canonical(s, watched)}, or null past {@code max}. */
    static Set<PageState> reducedSearch(PageModel m, long watched, int max) {
        Set<PageState> reduced = new HashSet<>();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        PageState init = m.canonical(m.initialState(), watched);
        reduced.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            if (reduced.size() > max) return null;
            PageState r = queue.poll();
            m.successors(r, (a, n) -> {
                PageState c = m.canonical(n, watched);
                if (reduced.add(c)) queue.add(c);
            });
        }
        return reduced;
    }

    private static final AtomicInteger COMPARED = new AtomicInteger();
    private static final AtomicInteger SMALLER = new AtomicInteger();

    /**
     * Over the merged forms (no symmetry) with {@code watched}: the reduced search reaches exactly the forms
     * of the reachable states (but for a crash covered by a crash with more entries: a crashed state is not
     * saturated, IndistinguishableTest.covers), a watched property is violated in a form exactly when in a
     * reachable state of that form, and liveness goals, terminal states and the enabled converters and
     * readers agree. Returns the reduced search's states.
     */
    static Set<PageState> assertExactForms(NaiveExplorer x, long watched) {
        PageModel m = x.model;
        Set<PageState> reduced = new HashSet<>();
        ArrayDeque<PageState> queue = new ArrayDeque<>();
        PageState init = m.merged(m.initialState(), watched);
        reduced.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            m.successors(queue.poll(), (a, n) -> {
                PageState c = m.merged(n, watched);
                if (reduced.add(c)) queue.add(c);
            });
        }
        Set<PageState> forms = new HashSet<>();
        java.util.Map<PageState, Set<PropertyName>> violatedSomewhere = new java.util.HashMap<>();
        for (PageState s : x.order) {
            PageState c = m.merged(s, watched);
            forms.add(c);
            assertEquals(c, m.merged(c, watched), "idempotent");
            for (ModelProperty p : m.properties()) {
                if (p.isLiveness()) {
                    assertEquals(p.holds().test(s), p.holds().test(c), p.name() + " goal on a state and its form");
                } else if (watched(p, watched) && !p.holds().test(s)) {
                    assertTrue(!p.holds().test(c), p.name() + " violated in a state is violated in its form");
                    violatedSomewhere.computeIfAbsent(c, k -> new HashSet<>()).add(p.name());
                }
            }
            assertEquals(m.isTerminal(s), m.isTerminal(c), "terminal");
            assertEquals(IndistinguishableTest.programActorsEnabled(m, s), IndistinguishableTest.programActorsEnabled(m, c),
                    "converters and readers enabled");
        }
        Set<PageState> missing = new HashSet<>(forms);
        missing.removeAll(reduced);
        missing.removeIf(c -> c.crashed() && reduced.stream().anyMatch(r -> IndistinguishableTest.covers(m, r, c)));
        Set<PageState> extra = new HashSet<>(reduced);
        extra.removeAll(forms);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "the reduced search reaches exactly the forms of the reachable"
                + " states; missing " + missing.size() + ", extra " + extra.size() + ": "
                + (missing.isEmpty() ? "" : "missing " + StateText.describe(missing.iterator().next()))
                + (extra.isEmpty() ? "" : " extra " + StateText.describe(extra.iterator().next())));
        for (PageState r : reduced) {
            for (ModelProperty p : m.properties()) {
                if (p.isLiveness() || !watched(p, watched) || p.holds().test(r)) continue;
                assertTrue(violatedSomewhere.getOrDefault(r, Set.of()).contains(p.name()),
                        p.name() + " violated in a form is violated in a reachable state of that form");
            }
        }
        COMPARED.incrementAndGet();
        if (reduced.size() < new HashSet<>(x.order.stream().map(m::merged).toList()).size()) SMALLER.incrementAndGet();
        return reduced;
    }

    /**
     * Random scenarios where the merge can apply: 2 or 3 CPUs, a zeropad reader on CPU 1 (the scenario's
     * own moved there, through its mapping, or one through the direct map), so that some CPU runs no
     * converter, and a hardware that fills and evicts TLB entries (so that the search saturates), besides
     * its other actions.
     */
    static org.quicktheories.core.Gen<Scenario> saturating() {
        return RandomScenarios.scenarios(3, 2, 3, 4).map(sc -> {
            java.util.Set<HardwareAction> hw = java.util.EnumSet.of(HardwareAction.TLB_FILL, HardwareAction.TLB_EVICT);
            hw.addAll(sc.hardware());
            Mapping via = sc.readers().isEmpty() ? Mapping.DIRECT : sc.readers().get(0).via();
            List<ZeropadReader> readers = List.of(new ZeropadReader("zp", 1, sc.pages() - 2, via));
            return new Scenario(sc.platform(), sc.options(), Math.max(2, sc.cpus()), sc.pages(), sc.mappings(),
                    sc.converters(), readers, sc.hosts(), hw, sc.mayFail(), sc.onError());
        }).describedAs(RandomScenarios::describe);
    }

    private static boolean watched(ModelProperty p, long watched) {
        return (watched >>> p.name().ordinal() & 1) != 0;
    }

    @Test
    void theFormsAreExactlyThoseOfTheReachableStatesForEveryWatchedSet() {
        qt().withExamples(80).withShrinkCycles(10)
                .forAll(saturating())
                .checkAssert(sc -> {
                    NaiveExplorer x = new NaiveExplorer(sc, 20_000);
                    if (!x.complete) return;   // too large for this object-based exploration
                    for (long watched : MASKS) assertExactForms(x, watched);
                });
        assertTrue(COMPARED.get() >= 100, "enough scenarios compared: " + COMPARED.get());
        assertTrue(SMALLER.get() >= 10, "the merge reduced some: " + SMALLER.get() + " of " + COMPARED.get());
    }

    @Test
    void theWatchedPropertiesKeepTheirVerdictsUnderTheWholeForm() {
        qt().withExamples(30).withShrinkCycles(10)
                .forAll(saturating())
                .checkAssert(sc -> {
                    NaiveExplorer x = new NaiveExplorer(sc, 20_000);
                    if (!x.complete) return;
                    PageModel m = x.model;
                    for (long watched : MASKS) {
                        Set<PageState> reduced = reducedSearch(m, watched, 20_000);
                        if (reduced == null) continue;
                        for (ModelProperty p : m.properties()) {
                            if (p.isLiveness() || !watched(p, watched)) continue;
                            boolean violated = reduced.stream().anyMatch(r -> !p.holds().test(r));
                            assertEquals(x.violated(p.name()), violated, p.name() + " watching " + Long.toBinaryString(watched));
                        }
                    }
                });
    }

    @Test
    void thePackedFormIsTheEncodedObjectForm() {
        qt().withExamples(100).forAll(saturating(), longs().all()).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            PackedReductions reductions = RandomScenarios.packedReductions(m);
            long[] scratch = reductions.scratch();
            java.util.Random random = new java.util.Random(seed);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                for (Moves.Move mv : moves) {
                    long watched = MASKS[random.nextInt(MASKS.length)];
                    long[] w = new long[m.words()];
                    m.encode(mv.next(), w, 0);
                    reductions.canonical(w, scratch, watched);
                    long[] want = new long[m.words()];
                    m.encode(m.canonical(mv.next(), watched), want, 0);
                    assertArrayEquals(want, w, () -> "canonical form watching " + Long.toBinaryString(watched) + " of\n" + mv.next());
                }
            });
        });
    }

    /**
     * The generic TDX path with a vmalloc alias and two readers on CPUs of their own: between the flip and
     * the TLB flush a reader CPU's vmalloc entry is stale. It is kept while aliases_agree and
     * translations_consistent are watched, and after the converter is done; merged when only
     * no_stale_tlb_after_done is watched and the flush is ahead.
     */
    @Test
    void aStaleAliasEntryOfAReaderCpuMergesOnlyWhenNothingWillReadIt() {
        Scenario sc = Build.on(Platform.TDX).cpus(3).pages(2).mappings(Mapping.DIRECT, Mapping.VMALLOC)
                .converter(0, Direction.TO_SHARED, "flip flush_tlb map_gpa", 1)
                .reader(1, 0).reader(2, 0).hardware(HardwareAction.values()).scenario();
        PageModel m = new PageModel(sc);
        PageState flipped = null;
        for (Moves.Move mv : Moves.of(m, m.initialState())) {
            if (mv.action().toString().contains("flip")) flipped = mv.next();
        }
        assertTrue(flipped != null, "the converter flips first");
        assertEquals(TlbEntry.PRIVATE, flipped.tlb(1, Mapping.VMALLOC, 1), "the reader CPU's alias entry is stale");
        long onlyAfterDone = bit(PropertyName.NO_STALE_TLB_AFTER_DONE);
        assertEquals(TlbEntry.PRIVATE, m.merged(flipped, -1L).tlb(1, Mapping.VMALLOC, 1), "watched by every property");
        assertEquals(TlbEntry.SHARED, m.merged(flipped, onlyAfterDone).tlb(1, Mapping.VMALLOC, 1),
                "merged: the flush ahead overwrites it before the conversion is done");
        assertEquals(TlbEntry.PRIVATE, m.merged(flipped, onlyAfterDone).tlb(1, Mapping.DIRECT, 1),
                "the reader reads its direct-map entry of page 1: kept");
        // the converter done with the entry still stale (not reachable: the flush is on the way) is read by the property
        PageState done = flipped.edit().converter(0, 3, ConverterState.Status.DONE, Cause.OK).done();
        assertEquals(TlbEntry.PRIVATE, m.merged(done, onlyAfterDone).tlb(1, Mapping.VMALLOC, 1), "read once done");
        assertNotEquals(m.canonical(flipped, -1L), m.canonical(flipped, onlyAfterDone));
    }

    /** Seven readers of page 0 on CPUs of their own, the generic path: the merge is what keeps 8 CPUs small. */
    @Test
    void eightCpusWithSevenReadersStaySmallOnceTheEveryEntryPropertiesAreSettled() {
        Build b = Build.on(Platform.TDX).cpus(8).pages(2).mappings(Mapping.DIRECT, Mapping.VMALLOC, Mapping.LAZY)
                .converter(0, Direction.TO_SHARED, "unmap_aliases flush_tlb flip flush_tlb map_gpa", 1)
                .hardware(HardwareAction.values());
        for (int cpu = 1; cpu < 8; cpu++) b.reader(cpu, 0);
        PageModel m = new PageModel(b.scenario());
        Set<PageState> merged = reducedSearch(m, WITHOUT_EVERY_ENTRY, 100_000);
        assertTrue(merged != null && merged.size() < 20_000, "states: " + (merged == null ? "> 100,000" : merged.size()));
        assertTrue(reducedSearch(m, -1L, 4 * merged.size()) == null, "without the merge, more than four times as many");
    }
}
