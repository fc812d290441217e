package pagestate.model.cpu;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of random scenarios (platform, phases of random primitives of that platform,
 * 1-3 CPUs, 2-3 pages, 1-3 mappings, actors, hardware subsets, options) and random walks through a model.
 */
final class RandomScenarios {

    private RandomScenarios() { }

    /** The bounds of a scenario: CPUs, pages, mappings. */
    record Bounds(int cpus, int pages, int mappings) { }

    static Gen<Scenario> scenarios(int maxCpus, int maxPages, int maxMappings, int maxSteps) {
        Gen<Bounds> bounds = range(1, maxCpus).zip(range(2, maxPages), range(1, maxMappings), Bounds::new);
        return enumValues(Platform.class).flatMap(p -> bounds.zip(phases(p, maxSteps), range(0, (1 << 11) - 1),
                        range(0, (1 << HardwareAction.values().length) - 1), range(0, 1023),
                        (b, phases, actors, hw, opts) -> build(p, b, phases, actors, hw, opts)))
                .describedAs(RandomScenarios::describe);
    }

    private static Gen<List<Primitive>> steps(Platform p, int maxSteps) {
        List<Primitive> available = Arrays.stream(Primitive.values()).filter(x -> x.availableOn(p)).toList();
        return intArrays(range(1, maxSteps), range(0, available.size() - 1))
                .map(ix -> Arrays.stream(ix).mapToObj(available::get).toList());
    }

    private static Gen<List<Phase>> phases(Platform p, int maxSteps) {
        return enumValues(Direction.class).zip(steps(p, maxSteps), steps(p, maxSteps), booleans(),
                (d, first, second, roundTrip) -> roundTrip
                        ? List.of(new Phase(d, first), new Phase(d == Direction.TO_SHARED ? Direction.TO_PRIVATE
                        : Direction.TO_SHARED, second))
                        : List.of(new Phase(d, first)));
    }

    /**
     * {@code actors} bits: 0 owner, 1 a zeropad reader, 2 a host, 3 a second converter (on page 0, 3 pages),
     * 4 error path free, 5 hypercalls may fail, 6-7 the reader's CPU, 8 host reads, 9 host writes, 10 every
     * step after a phase's first hypercall runs always. {@code opts} bits 0-4 the options, 5 the second of
     * two mappings is the lazy alias (not the vmalloc alias), 6-7 the reader's mapping (0 or 3 direct,
     * 1 vmalloc, 2 lazy, where the scenario has it), 8 the vTOM paravisor does not handle WBINVD, 9 the
     * steps that take an address (flush_cache, pvalidate, rescind) go through the last mapping.
     */
    private static Scenario build(Platform p, Bounds b, List<Phase> phases, int actors, int hw, int opts) {
        List<Mapping> mappings = b.mappings() == 2 && (opts & 32) != 0 ? List.of(Mapping.DIRECT, Mapping.LAZY)
                : Mapping.first(b.mappings());
        if ((actors & 1024) != 0) phases = phases.stream().map(RandomScenarios::alwaysAfterHypercall).toList();
        if ((opts & 512) != 0) {
            Mapping last = mappings.get(mappings.size() - 1);
            phases = phases.stream().map(ph -> viaAlias(ph, last)).toList();
        }
        Mapping via = List.of(Mapping.DIRECT, Mapping.VMALLOC, Mapping.LAZY, Mapping.DIRECT).get((opts >> 6) & 3);
        if (!mappings.contains(via)) via = Mapping.DIRECT;
        List<Converter> converters = new ArrayList<>();
        List<Integer> mainPages = b.pages() == 3 && (actors & 8) == 0 ? List.of(1, 2) : List.of(b.pages() - 1);
        converters.add(new Converter("conv", 0, mainPages, phases, (actors & 1) != 0));
        if (b.pages() == 3 && (actors & 8) != 0) {
            Phase first = phases.get(0);
            converters.add(new Converter("conv2", b.cpus() - 1, List.of(0), List.of(first), false));
        }
        List<ZeropadReader> readers = (actors & 2) != 0
                ? List.of(new ZeropadReader("zp", ((actors >> 6) & 3) % b.cpus(), b.pages() - 2, via)) : List.of();
        List<HostActor> hosts = (actors & 4) != 0
                ? List.of(new HostActor("host", b.pages() - 1, (actors & 256) != 0, (actors & 512) != 0)) : List.of();
        Set<HardwareAction> hardware = EnumSet.noneOf(HardwareAction.class);
        for (HardwareAction a : HardwareAction.values()) if ((hw & (1 << a.ordinal())) != 0) hardware.add(a);
        Set<Primitive> mayFail = EnumSet.noneOf(Primitive.class);
        if ((actors & 32) != 0) {
            for (Phase ph : phases) for (Primitive s : ph.steps()) if (s.isHypercall()) mayFail.add(s);
        }
        Options o = new Options((opts & 1) != 0, (opts & 2) != 0, (opts & 4) != 0 ? Content.POISON : Content.GARBAGE,
                (opts & 8) != 0, (opts & 16) != 0, (opts & 256) == 0);
        return new Scenario(p, o, b.cpus(), b.pages(), mappings, converters, readers, hosts, hardware, mayFail,
                (actors & 16) != 0 ? ErrorPath.FREE : ErrorPath.LEAK);
    }

    /** {@code ph} with every step that takes an address going through {@code m} (Phase.via). */
    private static Phase viaAlias(Phase ph, Mapping m) {
        java.util.Map<Integer, Mapping> via = new java.util.HashMap<>();
        for (int i = 0; i < ph.steps().size(); i++) if (ph.steps().get(i).takesAddress()) via.put(i, m);
        return new Phase(ph.target(), ph.steps(), ph.always(), via);
    }

    /** {@code ph} with every step after its first hypercall marked always. */
    private static Phase alwaysAfterHypercall(Phase ph) {
        java.util.Set<Integer> always = new java.util.TreeSet<>();
        boolean seen = false;
        for (int i = 0; i < ph.steps().size(); i++) {
            if (seen) always.add(i);
            seen |= ph.steps().get(i).isHypercall();
        }
        return new Phase(ph.target(), ph.steps(), always, ph.via());
    }

    static String describe(Scenario s) {
        StringBuilder b = new StringBuilder(s.platform().specName() + " " + s.options() + " cpus=" + s.cpus()
                + " pages=" + s.pages() + " mappings=" + s.mappings());
        for (Converter c : s.converters()) {
            b.append("\n  converter ").append(c.name()).append(" cpu").append(c.cpu()).append(" pages ").append(c.pages())
                    .append(c.owner() ? " owner" : "");
            for (Phase ph : c.phases()) {
                b.append("\n    to ").append(ph.target().specName()).append(':');
                for (int i = 0; i < ph.steps().size(); i++) {
                    b.append(ph.isAlways(i) ? " always " : " ").append(ph.steps().get(i).specName())
                            .append(ph.via().containsKey(i) ? " via " + ph.via(i).label() : "");
                }
            }
        }
        b.append("\n  readers ").append(s.readers()).append("\n  hosts ").append(s.hosts())
                .append("\n  hardware ").append(s.hardware()).append(" mayFail ").append(s.mayFail())
                .append(" onError ").append(s.onError());
        return b.toString();
    }

    /**
     * A random walk of at most {@code length} steps from the initial state; {@code visit} sees each state
     * on the path with its full list of moves. Stops at a dead end.
     */
    static void walk(PageModel model, long seed, int length, BiConsumer<PageState, List<Moves.Move>> visit) {
        Random random = new Random(seed);
        PageState s = model.initialState();
        for (int i = 0; i <= length; i++) {
            List<Moves.Move> moves = Moves.of(model, s);
            visit.accept(s, moves);
            if (moves.isEmpty()) return;
            s = moves.get(random.nextInt(moves.size())).next();
        }
    }

    /** The packed canonical form of {@code m}'s scenario, built from the same parts as the model's own. */
    static PackedReductions packedReductions(PageModel m) {
        Scenario sc = m.scenario();
        StateWords f = new StateWords(m.layout(), m.programs().size(), sc.readers().size());
        CpuSymmetry cpus = new CpuSymmetry(sc, m.layout());
        return new PackedReductions(m.layout(), f, new Indistinguishable(sc, m.layout(), m.programs()),
                new PageSymmetry(sc, m.layout(), m.programs(), cpus.classes()), cpus);
    }
}
