package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A fluent builder of small scenarios for unit tests. Defaults: TDX, default options, 2 CPUs, 2 pages,
 * the direct map only, no actors, no hardware, nothing may fail, error path leak.
 */
final class Build {

    private Platform platform;
    private Options options = Options.defaults();
    private int cpus = 2;
    private int pages = 2;
    private List<Mapping> mappings = Mapping.first(1);
    private final List<Converter> converters = new ArrayList<>();
    private final List<ZeropadReader> readers = new ArrayList<>();
    private final List<HostActor> hosts = new ArrayList<>();
    private final Set<HardwareAction> hardware = EnumSet.noneOf(HardwareAction.class);
    private final Set<Primitive> mayFail = EnumSet.noneOf(Primitive.class);
    private ErrorPath onError = ErrorPath.LEAK;

    private Build(Platform platform) {
        this.platform = platform;
    }

    static Build on(Platform platform) {
        return new Build(platform);
    }

    Build option(Options.Option option, String value) {
        options = option.apply(options, value);
        return this;
    }

    Build cpus(int n) { cpus = n; return this; }
    Build pages(int n) { pages = n; return this; }
    Build mappings(int n) { mappings = Mapping.first(n); return this; }
    Build mappings(Mapping... kinds) { mappings = List.of(kinds); return this; }

    /** A converter without owner accesses: its program is exactly {@code steps}. */
    Build converter(int cpu, Direction d, String steps, Integer... pageList) {
        converters.add(new Converter("conv" + converters.size(), cpu, List.of(pageList),
                List.of(new Phase(d, Scenarios.steps(steps))), false));
        return this;
    }

    /** A converter whose thread also owns the pages: it writes them before and uses them after. */
    Build owner(int cpu, Direction d, String steps, Integer... pageList) {
        converters.add(new Converter("owner" + converters.size(), cpu, List.of(pageList),
                List.of(new Phase(d, Scenarios.steps(steps))), true));
        return this;
    }

    Build reader(int cpu, int page) {
        return reader(cpu, page, Mapping.DIRECT);
    }

    Build reader(int cpu, int page, Mapping via) {
        readers.add(new ZeropadReader("zp" + readers.size(), cpu, page, via));
        return this;
    }

    /** A converter without owner accesses whose steps at {@code always} run even after a failure. */
    Build converter(int cpu, Direction d, String steps, java.util.Set<Integer> always, Integer... pageList) {
        converters.add(new Converter("conv" + converters.size(), cpu, List.of(pageList),
                List.of(new Phase(d, Scenarios.steps(steps), always)), false));
        return this;
    }

    /** A converter without owner accesses whose steps that take an address go through {@code via}. */
    Build converterVia(int cpu, Direction d, String steps, Mapping via, Integer... pageList) {
        List<Primitive> list = Scenarios.steps(steps);
        java.util.Map<Integer, Mapping> vias = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) if (list.get(i).takesAddress()) vias.put(i, via);
        converters.add(new Converter("conv" + converters.size(), cpu, List.of(pageList),
                List.of(new Phase(d, list, java.util.Set.of(), vias)), false));
        return this;
    }

    /** An owning converter that uses its pages through {@code via}. */
    Build owner(int cpu, Direction d, String steps, Mapping via, Integer... pageList) {
        converters.add(new Converter("owner" + converters.size(), cpu, List.of(pageList),
                List.of(new Phase(d, Scenarios.steps(steps))), true, via));
        return this;
    }

    Build host(int page, boolean reads, boolean writes) {
        hosts.add(new HostActor("host" + hosts.size(), page, reads, writes));
        return this;
    }

    Build hardware(HardwareAction... actions) {
        hardware.addAll(List.of(actions));
        return this;
    }

    Build mayFail(Primitive... ps) {
        mayFail.addAll(List.of(ps));
        return this;
    }

    Build onError(ErrorPath e) {
        onError = e;
        return this;
    }

    Scenario scenario() {
        return new Scenario(platform, options, cpus, pages, mappings, converters, readers, hosts, hardware,
                mayFail, onError);
    }

    PageModel model() {
        return new PageModel(scenario());
    }
}
