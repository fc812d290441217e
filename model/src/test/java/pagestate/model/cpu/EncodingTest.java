package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact encoding of a state (PageStateCodec) on hand-built states and at the largest bounds. */
class EncodingTest {

    /** The largest scenario the bounds allow: 4 CPUs, 4 pages, 3 mappings, 2 converters, 3 readers. */
    private static Scenario largest(Platform p, Direction d, String steps) {
        List<Converter> cs = List.of(
                new Converter("a", 0, List.of(1, 2), List.of(new Phase(d, Scenarios.steps(steps)),
                        new Phase(d == Direction.TO_SHARED ? Direction.TO_PRIVATE : Direction.TO_SHARED, Scenarios.steps(steps))), true),
                new Converter("b", 3, List.of(3), List.of(new Phase(d, Scenarios.steps(steps))), true));
        List<ZeropadReader> rs = List.of(new ZeropadReader("r0", 1, 0), new ZeropadReader("r1", 2, 1), new ZeropadReader("r2", 3, 2));
        return new Scenario(p, Options.defaults(), Scenario.MAX_CPUS, Scenario.MAX_PAGES, Scenario.MAX_MAPPINGS, cs, rs,
                List.of(new HostActor("h", 3, true, true)), EnumSet.allOf(HardwareAction.class), Set.of(), ErrorPath.FREE);
    }

    private static PageState roundTrip(PageModel m, PageState s) {
        long[] w = new long[m.words()];
        m.encode(s, w, 0);
        return m.decode(w, 0);
    }

    @Test
    void stateWithEveryFieldAtItsLargestValueRoundTrips() {
        for (Platform p : Platform.values()) {
            String steps = p == Platform.TDX ? "flip map_gpa" : p == Platform.SNP ? "flip psc" : "flip hv_visibility";
            PageModel m = new PageModel(largest(p, Direction.TO_SHARED, steps));
            PageState.Editor e = m.initialState().edit();
            HvPage[] hv = HvPage.of(p);
            for (int page = 0; page < 4; page++) {
                e.cache(page, new CacheLines(Line.DIRTY, Line.DIRTY)).contents(page, Content.POISON).hv(page, hv[hv.length - 1]);
                e.pte(Mapping.DIRECT, page, new Pte(true, Attribute.SHARED)).pte(Mapping.VMALLOC, page, new Pte(false, Attribute.SHARED));
                for (int cpu = 0; cpu < 4; cpu++) for (Mapping mp : Mapping.values()) e.tlb(cpu, mp, page, TlbEntry.SHARED);
            }
            Cause last = Cause.values()[Cause.values().length - 1];
            e.converter(0, new ConverterState(m.programs().get(0).reuseIndex() + 1, ConverterState.Status.FAILED_FREED, last));
            e.converter(1, new ConverterState(m.programs().get(1).reuseIndex(), ConverterState.Status.FAILED_LEAKED, last));
            for (int r = 0; r < 3; r++) e.reader(r, new ReaderState(true, last));
            for (Cause c : Cause.values()) e.happen(c);
            PageState s = e.done();
            assertEquals(Cause.values().length, Integer.bitCount(s.events()));
            assertEquals(s, roundTrip(m, s), p.name());
        }
    }

    @Test
    void everyCrashCauseRoundTrips() {
        PageModel m = new PageModel(Scenarios.standard(Platform.SNP, Direction.TO_SHARED, "rescind psc"));
        for (Cause c : Cause.values()) {
            if (!c.isFatal()) continue;
            PageState s = m.initialState().edit().happen(c).done();
            assertEquals(c, roundTrip(m, s).crash());
        }
        assertEquals(null, roundTrip(m, m.initialState()).crash());
    }

    @Test
    void everySingleFieldChangeChangesTheEncoding() {
        PageModel m = new PageModel(largest(Platform.TDX, Direction.TO_PRIVATE, "map_gpa accept"));
        PageState init = m.initialState();
        List<PageState> variants = new ArrayList<>();
        variants.add(init);
        for (int page = 0; page < 4; page++) {
            variants.add(init.edit().pte(Mapping.VMALLOC, page, init.pte(Mapping.VMALLOC, page).withPresent(false)).done());
            variants.add(init.edit().pte(Mapping.DIRECT, page, init.pte(Mapping.DIRECT, page)
                    .withAttribute(init.pte(Mapping.DIRECT, page).attribute().other())).done());
            variants.add(init.edit().cache(page, new CacheLines(Line.NONE, Line.CLEAN)).done());
            variants.add(init.edit().cache(page, new CacheLines(Line.DIRTY, Line.NONE)).done());
            variants.add(init.edit().hv(page, HvPage.TDX_PENDING).done());
            variants.add(init.edit().contents(page, Content.ZERO).done());
            for (int cpu = 0; cpu < 4; cpu++) variants.add(init.edit().tlb(cpu, Mapping.LAZY, page, TlbEntry.NONE).done());
        }
        variants.add(init.edit().converter(1, new ConverterState(1, ConverterState.Status.RUNNING, Cause.OK)).done());
        variants.add(init.edit().converter(1, new ConverterState(0, ConverterState.Status.RUNNING, Cause.VE_FIXUP)).done());
        variants.add(init.edit().reader(2, new ReaderState(true, Cause.OK)).done());
        variants.add(init.edit().happen(Cause.SECRET_TO_HOST).done());
        Set<List<Long>> encodings = new HashSet<>();
        for (PageState v : variants) {
            long[] w = new long[m.words()];
            m.encode(v, w, 0);
            encodings.add(Arrays.stream(w).boxed().toList());
        }
        assertEquals(new HashSet<>(variants).size(), variants.size(), "the variants are distinct states");
        assertEquals(variants.size(), encodings.size(), "and have distinct encodings");
    }

    @Test
    void encodingRejectsAPlatformStateOfAnotherPlatform() {
        PageModel m = new PageModel(Scenarios.standard(Platform.VTOM, Direction.TO_SHARED, "flip"));
        PageState s = m.initialState().edit().hv(1, HvPage.SNP_VALIDATED).done();
        assertThrows(IllegalArgumentException.class, () -> m.encode(s, new long[m.words()], 0));
    }

    @Test
    void encodingRoundTripsAtTheLargestBoundsOnRandomWalks() {
        // several 64-bit words: fields straddle word boundaries
        List<PageModel> models = new ArrayList<>();
        models.add(new PageModel(largest(Platform.TDX, Direction.TO_SHARED, "flush_tlb flush_cache flip map_gpa")));
        models.add(new PageModel(largest(Platform.SNP, Direction.TO_PRIVATE, "psc pvalidate flip flush_tlb")));
        models.add(new PageModel(largest(Platform.VTOM, Direction.TO_SHARED, "clear_present flush_tlb flip hv_visibility set_present")));
        for (PageModel m : models) assertFalse(m.words() < 3, "the largest state needs several words");
        qt().withExamples(60).forAll(longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
            PageModel m = models.get((int) Long.remainderUnsigned(seed, models.size()));
            RandomScenarios.walk(m, seed, 150, (s, moves) -> {
                assertEquals(s, roundTrip(m, s));
                for (Moves.Move mv : moves) assertEquals(mv.next(), roundTrip(m, mv.next()));
            });
        });
    }
}
