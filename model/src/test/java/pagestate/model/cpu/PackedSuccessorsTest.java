package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import pagestate.model.SystemModel;

/**
 * The packed hot path ({@link PackedSuccessors}, {@link PackedReductions}) against the reference: on random
 * reachable states of random scenarios (every platform, options, error paths, hosts, hardware subsets, up to
 * 8 CPUs with several zeropad readers), the encoded successors equal the encodings of the object successors,
 * action by action, plain and in canonical form, the packed canonical form of a state equals the
 * encoding of its object canonical form, each successor comes with its action's actor, and each property (safety
 * or liveness goal) and the first converter's pc answer on the words as on the object.
 */
class PackedSuccessorsTest {

    /** Random scenarios with 0-4 extra zeropad readers on random CPUs (so that CPU classes have members). */
    private static final Gen<Scenario> SCENARIOS = RandomScenarios.scenarios(8, 3, 3, 6)
            .zip(range(0, 4), longRange(0, Long.MAX_VALUE), PackedSuccessorsTest::withReaders)
            .describedAs(RandomScenarios::describe);
    private static final Gen<Long> SEEDS = longRange(0, Long.MAX_VALUE);

    private static Scenario withReaders(Scenario s, int extra, long seed) {
        List<ZeropadReader> readers = new ArrayList<>(s.readers());
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < extra; i++) {
            readers.add(new ZeropadReader("zp" + (i + 1), r.nextInt(s.cpus()), r.nextInt(s.pages() - 1)));
        }
        return new Scenario(s.platform(), s.options(), s.cpus(), s.pages(), s.mappings(), s.converters(), readers,
                s.hosts(), s.hardware(), s.mayFail(), s.onError());
    }

    private static long[] encode(PageModel m, PageState s) {
        long[] w = new long[m.words()];
        m.encode(s, w, 0);
        return w;
    }

    /** The packed successors of {@code s}, stored at an offset inside a larger buffer; their units into {@code units}. */
    private static List<long[]> packed(PageModel m, PageState s, boolean canonical, List<Integer> units) {
        return packed(m, s, canonical, units, new ArrayList<>());
    }

    /** ... and their actors into {@code actors}. */
    private static List<long[]> packed(PageModel m, PageState s, boolean canonical, List<Integer> units, List<Integer> actors) {
        return packed(m, s, canonical, -1L, units, actors);
    }

    /** ... in the canonical form given the properties still {@code watched}. */
    private static List<long[]> packed(PageModel m, PageState s, boolean canonical, long watched, List<Integer> units,
                                       List<Integer> actors) {
        int words = m.words();
        long[] buf = new long[words + 3];
        Arrays.fill(buf, -1L);
        m.encode(s, buf, 2);
        long[] before = buf.clone();
        long[] out = new long[words + 16];
        Arrays.fill(out, 0x5555L);
        List<long[]> got = new ArrayList<>();
        boolean provided = m.encodedSuccessors(buf, 2, canonical, watched, new SystemModel.EncodedSink() {
            @Override public long[] buffer() { return out; }
            @Override public void accept() { throw new AssertionError("a successor without its unit"); }
            @Override public void accept(int unit) { throw new AssertionError("a successor without its actor"); }
            @Override public void accept(int unit, int actor) {
                got.add(Arrays.copyOf(out, words));
                units.add(unit);
                actors.add(actor);
            }
        });
        assertEquals(true, provided);
        assertArrayEquals(before, buf, "the parent's words are left as they were");
        return got;
    }

    /**
     * In canonical form given the properties still watched (DeadTlbEntries): the successors' forms, those
     * the packed path copies from the parent's form (evictions the form refills or merges, cache fills)
     * included, are the object forms.
     */
    @Test
    void packedCanonicalSuccessorsGivenTheWatchedPropertiesAreTheObjectForms() {
        long[] masks = {-1L, ~DeadTlbEntries.EVERY_ENTRY, ~DeadTlbEntries.EVERY_ENTRY & ~DeadTlbEntries.AFTER_DONE, 0};
        qt().withExamples(100).forAll(DeadTlbEntriesTest.saturating(), SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                for (long watched : masks) {
                    List<long[]> got = packed(m, s, true, watched, new ArrayList<>(), new ArrayList<>());
                    assertEquals(moves.size(), got.size(), () -> "successors of\n" + s);
                    for (int i = 0; i < moves.size(); i++) {
                        PageState next = moves.get(i).next();
                        int a = i;
                        assertArrayEquals(encode(m, m.canonical(next, watched)), got.get(i), () -> "successor " + a
                                + " (" + moves.get(a).action() + ") watching " + Long.toBinaryString(watched) + " of\n" + s);
                    }
                }
            });
        });
    }

    @Test
    void packedSuccessorsAreTheEncodedReferenceSuccessorsActionByAction() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                for (boolean canonical : new boolean[] {false, true}) {
                    List<Integer> units = new ArrayList<>();
                    List<Integer> actors = new ArrayList<>();
                    List<long[]> got = packed(m, s, canonical, units, actors);
                    assertEquals(moves.size(), got.size(), () -> "successors of\n" + s);
                    assertEquals(moves.stream().map(mv -> mv.action().unit()).toList(), units, "partial-order units");
                    assertEquals(moves.stream().map(mv -> mv.action().actor()).toList(), actors, "actors");
                    for (int i = 0; i < moves.size(); i++) {
                        PageState next = moves.get(i).next();
                        long[] want = encode(m, canonical ? m.canonical(next) : next);
                        int a = i;
                        assertArrayEquals(want, got.get(i), () -> (canonical ? "canonical " : "") + "successor " + a
                                + " (" + moves.get(a).action() + ") of\n" + s + "\nwant\n" + next + "\ngot\n"
                                + m.decode(got.get(a), 0));
                    }
                }
            });
        });
    }

    @Test
    void packedCanonicalFormIsTheEncodedObjectCanonicalForm() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            PackedReductions reductions = RandomScenarios.packedReductions(m);
            long[] scratch = reductions.scratch();
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                // every successor, and a random (not necessarily reachable) permutation of the state's CPUs' rows
                for (Moves.Move mv : moves) {
                    long[] w = encode(m, mv.next());
                    reductions.canonical(w, scratch);
                    assertArrayEquals(encode(m, m.canonical(mv.next())), w, () -> "canonical form of\n" + mv.next());
                }
            });
        });
    }

    /** Every property, safety or liveness goal, and the program's pc answer on the words as on the object. */
    @Test
    void propertiesOnWordsAnswerAsOnObjects() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                List<PageState> states = new ArrayList<>();
                states.add(s);
                for (Moves.Move mv : moves) states.add(mv.next());
                for (PageState t : states) {
                    long[] buf = new long[m.words() + 1];
                    m.encode(t, buf, 1);
                    for (ModelProperty p : m.properties()) {
                        int want = p.holds().test(t) ? 1 : 0;
                        assertEquals(want, m.encodedHolds(p.name(), buf, 1), () -> p.name() + " in\n" + t);
                    }
                    if (m.isProgramActor(0)) assertEquals(m.programPc(t), m.encodedProgramPc(buf, 1), () -> "pc in\n" + t);
                }
            });
        });
    }

    /**
     * Partial-order footprints on the words ({@link PageFootprints}, what the safety search uses so that it
     * decodes no state) equal those on the object, for every unit, plain and saturated, on random reachable
     * states and their successors.
     */
    @Test
    void footprintsOnWordsAreTheObjectFootprints() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            StateWords f = new StateWords(m.layout(), m.programs().size(), sc.readers().size());
            int hardwareActor = m.actorNames().size() - 1;
            List<PageFootprints> footprints = List.of(
                    new PageFootprints(sc, m.layout(), m.programs(), hardwareActor, false),
                    new PageFootprints(sc, m.layout(), m.programs(), hardwareActor, true));
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                List<PageState> states = new ArrayList<>();
                states.add(s);
                for (Moves.Move mv : moves) states.add(mv.next());
                for (PageState t : states) {
                    long[] buf = new long[m.words() + 2];
                    Arrays.fill(buf, -1L);
                    m.encode(t, buf, 1);
                    for (PageFootprints fp : footprints) {
                        for (int unit = 0; unit < fp.units(); unit++) {
                            long[] r = new long[fp.words()];
                            long[] w = new long[fp.words()];
                            fp.footprint(t, unit, r, w);
                            long[] r2 = new long[fp.words()];
                            long[] w2 = new long[fp.words()];
                            fp.footprint(buf, 1, f, unit, r2, w2);
                            int u = unit;
                            assertArrayEquals(r, r2, () -> "reads of unit " + u + " in\n" + t);
                            assertArrayEquals(w, w2, () -> "writes of unit " + u + " in\n" + t);
                        }
                    }
                }
            });
        });
    }
}
