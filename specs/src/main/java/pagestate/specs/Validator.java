package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.HostActor;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Phase;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Scenario;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;
import pagestate.model.cpu.ZeropadReader;

/**
 * Checks a merged draft as a whole (bounds against actors, primitives and options against the platform,
 * expectations against {@code check}) and builds the {@link Spec}. Every check here runs before a model
 * constructor could refuse the value, so the model's exceptions never reach a user.
 */
final class Validator {
    static final int DEFAULT_CPUS = 2;
    static final int DEFAULT_PAGES = 2;
    static final int DEFAULT_MAPPINGS = 1;

    private final Problems problems;
    private final Draft d;
    private final boolean incomplete;

    private Validator(Problems problems, Draft d, boolean incomplete) {
        this.problems = problems;
        this.d = d;
        this.incomplete = incomplete;
    }

    /** The spec, or null when there were problems (they are in {@code problems}). */
    static Spec validate(Problems problems, Resolver.Resolved r) {
        Validator v = new Validator(problems, r.draft(), r.incomplete());
        try {
            return v.run(r.base());
        } catch (IllegalArgumentException | NullPointerException e) {
            // a model constructor refused a value this class did not foresee: still a one-line error
            Draft d = r.draft();
            problems.at(d.name != null ? d.name.pos() : Pos.ofFile(d.file), "the model refuses this spec: " + e.getMessage());
            return null;
        }
    }

    private Spec run(Path base) {
        int before = problems.count();
        Pos file = Pos.ofFile(d.file);
        missing(d.name, file, "missing `spec NAME` line");
        missing(d.description, file, "missing `description \"...\"` line: say in one line what this spec checks");
        SeedSystem system = system();
        foreignStatements(system);
        uniqueActorNames();
        List<PropertyName> checked = checked(system);
        List<Spec.Expectation> expectations = expectations(checked, system);
        SystemConfig config = system == SeedSystem.CPU ? scenario(file) : Systems.config(problems, d, system, incomplete);
        if (problems.count() > before || incomplete || config == null) return null;
        List<String> properties = new ArrayList<>();
        for (PropertyName p : checked) properties.add(p.specName());
        return new Spec(d.file, d.name.value(), d.description.value(), system.specName(), config, properties, expectations,
                Optional.ofNullable(base));
    }

    /** The CPU conversion's scenario (system cpu), or null when something is missing or wrong. */
    private Scenario scenario(Pos file) {
        int before = problems.count();
        Platform platform = d.platform == null ? null : d.platform.value();
        missing(d.platform, file, "missing `platform` line: one of " + String.join(", ", Names.platforms()));
        int cpus = d.cpus == null ? DEFAULT_CPUS : d.cpus.value();
        int pages = d.pages == null ? DEFAULT_PAGES : d.pages.value();
        List<Mapping> mappings = d.mappings == null ? Mapping.first(DEFAULT_MAPPINGS) : d.mappings.value();
        Options options = options(platform);
        if (d.converters.isEmpty() && !incomplete) {
            problems.at(file, "missing converter: add `converter NAME on cpu N pages P` with an indented `to shared:`"
                    + " or `to private:` block of steps");
        }
        List<Converter> converters = converters(platform, cpus, pages, mappings);
        List<ZeropadReader> readers = readers(cpus, pages, mappings);
        List<HostActor> hosts = hosts(pages);
        Set<Primitive> mayFail = mayFail(platform);
        if (problems.count() == before) new EncodingLimits(problems).successors(d, cpus, pages, mappings.size());
        if (problems.count() > before || incomplete || platform == null) return null;
        Set<HardwareAction> hardware = d.hardware == null ? EnumSet.allOf(HardwareAction.class) : d.hardware.value();
        ErrorPath onError = d.onError == null ? ErrorPath.LEAK : d.onError.value();
        return new Scenario(platform, options, cpus, pages, mappings, converters, readers, hosts, hardware, mayFail, onError);
    }

    /** A statement of another system than the spec's is an error where it is written. */
    private void foreignStatements(SeedSystem system) {
        SeedSystem cpu = SeedSystem.CPU;
        foreign(system, "platform", d.platform, cpu);
        for (Located<String> o : d.options.values()) foreign(system, "option", o, cpu);
        foreign(system, "cpus", d.cpus, cpu);
        foreign(system, "pages", d.pages, cpu, SeedSystem.IOMMU);
        foreign(system, "mappings", d.mappings, cpu);
        foreign(system, "hardware", d.hardware, cpu, SeedSystem.VTOM_SWIOTLB);
        foreign(system, "fail", d.fail, cpu);
        foreign(system, "on_error", d.onError, cpu);
        for (Draft.ConverterDecl c : d.converters.values()) foreign(system, "converter", c.pos(), cpu);
        for (Draft.HostDecl h : d.hosts.values()) foreign(system, "host", h.pos(), cpu);
        for (Draft.ReaderDecl r : d.readers.values()) foreign(system, "reader", r.pos(), cpu, SeedSystem.VTOM_SWIOTLB, SeedSystem.COVE);
        foreign(system, "iommu", d.iommu, SeedSystem.IOMMU);
        foreign(system, "busdma", d.busdma, SeedSystem.BUSDMA);
        foreign(system, "segments", d.segments, SeedSystem.BUSDMA);
        foreign(system, "encryption", d.encryption, SeedSystem.VTOM_SWIOTLB);
        foreign(system, "caches", d.caches, SeedSystem.VTOM_SWIOTLB);
        foreign(system, "tsm", d.tsm, SeedSystem.COVE);
        for (Draft.ProgramDecl g : d.programs.values()) {
            if (g.keyword().equals("driver")) foreign(system, "driver", g.pos(), SeedSystem.BUSDMA);
            else foreign(system, "guest", g.pos(), SeedSystem.IOMMU, SeedSystem.VTOM_SWIOTLB, SeedSystem.COVE);
        }
        for (Draft.DeviceDecl v : d.devices.values()) foreign(system, "device", v.pos(), SeedSystem.IOMMU, SeedSystem.BUSDMA, SeedSystem.VTOM_SWIOTLB);
    }

    private void foreign(SeedSystem system, String keyword, Located<?> value, SeedSystem... owners) {
        if (value != null) foreign(system, keyword, value.pos(), owners);
    }

    private void foreign(SeedSystem system, String keyword, Pos pos, SeedSystem... owners) {
        if (system == null || List.of(owners).contains(system)) return;
        List<String> names = new ArrayList<>();
        for (SeedSystem o : owners) names.add(o.specName());
        problems.at(pos, "`" + keyword + "` is a statement of system " + String.join(" and ", names)
                + "; this spec's system is " + system.specName());
    }

    /** The properties {@code check} selects, among the system's own (all of them by default). */
    private List<PropertyName> checked(SeedSystem system) {
        if (system == null) return List.of();
        List<PropertyName> own = system.properties();
        if (d.check == null) return own;
        Draft.CheckDecl c = d.check.value();
        List<PropertyName> result = new ArrayList<>(c.all() ? own : List.of());
        for (Located<PropertyName> p : c.listed()) {
            if (!own.contains(p.value())) {
                problems.at(p.pos(), notOfSystem(p.value(), system));
                continue;
            }
            if (c.all()) result.remove(p.value());
            else result.add(p.value());
        }
        if (result.isEmpty() && (c.all() || c.listed().stream().allMatch(p -> own.contains(p.value())))) {
            problems.at(d.check.pos(), "check leaves no property to check");
        }
        return result;
    }

    private static String notOfSystem(PropertyName p, SeedSystem system) {
        List<String> of = new ArrayList<>();
        for (SeedSystem s : p.systems()) of.add(s.specName());
        List<String> own = new ArrayList<>();
        for (PropertyName q : system.properties()) own.add(q.specName());
        return p.specName() + " is a property of system " + String.join(" and ", of) + ", not of " + system.specName()
                + " (its properties: " + String.join(" ", own) + ")";
    }

    private void missing(Object value, Pos at, String message) {
        if (value == null && !incomplete) problems.at(at, message);
    }

    /** The spec's system, or null when it is unknown (reported). */
    private SeedSystem system() {
        if (d.system == null) return SeedSystem.CPU;
        String s = d.system.value();
        Optional<SeedSystem> known = SeedSystem.bySpecName(s);
        if (known.isEmpty()) {
            problems.at(d.system.pos(), "unknown system " + Suggest.show(s) + Suggest.hint(s, Names.systems())
                    + " (the systems: " + String.join(", ", Names.systems()) + ")");
        }
        return known.orElse(null);
    }

    private Options options(Platform platform) {
        Options o = Options.defaults();
        for (Map.Entry<Options.Option, Located<String>> e : d.options.entrySet()) {
            Options.Option option = e.getKey();
            if (platform != null && option.platform() != platform) {
                String owner = Names.upper(option.platform());
                problems.at(e.getValue().pos(), option.specName() + " is " + Names.article(owner) + " " + owner
                        + " option; this spec's platform is " + platform.specName());
                continue;
            }
            try {
                o = option.apply(o, e.getValue().value());
            } catch (RuntimeException ex) {
                problems.at(e.getValue().pos(), String.valueOf(ex.getMessage()));
            }
        }
        return o;
    }

    private List<Converter> converters(Platform platform, int cpus, int pages, List<Mapping> mappings) {
        List<Converter> result = new ArrayList<>();
        Map<Integer, String> converterOfPage = new HashMap<>();
        for (Draft.ConverterDecl c : d.converters.values()) {
            cpu("converter " + c.name() + " runs on", c.cpu(), cpus);
            List<Integer> ps = new ArrayList<>();
            for (Located<Integer> p : c.pages()) {
                page("converter " + c.name() + " converts", p, pages);
                String other = converterOfPage.putIfAbsent(p.value(), c.name());
                if (other != null) {
                    problems.at(p.pos(), "page " + p.value() + " is converted by both " + other + " and " + c.name());
                }
                ps.add(p.value());
            }
            List<Phase> phases = new ArrayList<>();
            for (Draft.PhaseDecl ph : c.phases()) {
                List<Primitive> steps = new ArrayList<>();
                Set<Integer> always = new java.util.TreeSet<>();
                for (Draft.Step s : ph.steps()) {
                    available(s.primitive(), s.pos(), platform);
                    if (s.always()) {
                        if (steps.stream().noneMatch(Primitive::isHypercall)) {
                            problems.at(s.pos(), "no hypercall precedes always " + s.primitive().specName()
                                    + ": nothing can skip it; remove always");
                        }
                        always.add(steps.size());
                    }
                    steps.add(s.primitive());
                }
                phases.add(new Phase(ph.target(), steps, always));
            }
            Mapping via = c.via() == null ? Mapping.DIRECT : c.via().value();
            if (c.via() != null && !via.hasPte()) {
                problems.at(c.via().pos(), "owner of " + c.name() + " uses lazy, a freed alias: an owner uses a live"
                        + " mapping, direct or vmalloc");
            } else if (c.via() != null) {
                declared("owner of " + c.name(), c.via(), mappings);
            }
            if (ps.isEmpty() || phases.isEmpty()) continue;
            Converter converter = new Converter(c.name(), c.cpu().value(), ps, phases, c.owner(), via);
            new EncodingLimits(problems).converter(c, converter);
            result.add(converter);
        }
        return result;
    }

    private void available(Primitive p, Pos pos, Platform platform) {
        if (platform == null || p.availableOn(platform)) return;
        String on = Names.platformList(p.platforms());
        problems.at(pos, p.specName() + " is " + Names.article(on) + " " + on + " primitive; this spec's platform is "
                + platform.specName());
    }

    private void cpu(String what, Located<Integer> cpu, int cpus) {
        if (cpu.value() >= cpus) {
            problems.at(cpu.pos(), what + " cpu " + cpu.value() + ", but cpus is " + cpus + range("cpu", cpus));
        }
    }

    private void page(String what, Located<Integer> page, int pages) {
        if (page.value() >= pages) {
            problems.at(page.pos(), what + " page " + page.value() + ", but pages is " + pages + range("page", pages));
        }
    }

    private static String range(String what, int n) {
        return n == 1 ? " (only " + what + " 0)" : " (" + what + "s 0.." + (n - 1) + ")";
    }

    /** An accessor's {@code via} must name a mapping the spec has; the error says how to add it. */
    private void declared(String who, Located<Mapping> via, List<Mapping> mappings) {
        if (mappings.contains(via.value())) return;
        java.util.EnumSet<Mapping> with = java.util.EnumSet.copyOf(mappings);
        with.add(via.value());
        List<String> fixed = new ArrayList<>();
        for (Mapping m : with) fixed.add(m.label());
        problems.at(via.pos(), who + " uses " + via.value().label() + ", a mapping this spec lacks: write `mappings "
                + String.join(" ", fixed) + "`");
    }

    private List<ZeropadReader> readers(int cpus, int pages, List<Mapping> mappings) {
        List<ZeropadReader> result = new ArrayList<>();
        for (Draft.ReaderDecl r : d.readers.values()) {
            if (r.cpu() == null) {
                problems.at(r.pos(), "reader " + r.name() + " needs `on cpu N page P` in system cpu (the page it reads across into page P+1)");
                continue;
            }
            cpu("reader " + r.name() + " runs on", r.cpu(), cpus);
            int p = r.page().value();
            if (p + 1 >= pages) {
                problems.at(r.page().pos(), "reader " + r.name() + " reads page " + p + " into page " + (p + 1)
                        + ", but pages is " + pages + range("page", pages) + "; use pages " + (p + 2)
                        + " or read an earlier page");
            }
            if (r.via() != null) declared("reader " + r.name(), r.via(), mappings);
            result.add(new ZeropadReader(r.name(), r.cpu().value(), p, r.via() == null ? Mapping.DIRECT : r.via().value()));
        }
        return result;
    }

    private List<HostActor> hosts(int pages) {
        List<HostActor> result = new ArrayList<>();
        for (Draft.HostDecl h : d.hosts.values()) {
            page("host " + h.name() + " touches", h.page(), pages);
            result.add(new HostActor(h.name(), h.page().value(), h.reads(), h.writes()));
        }
        return result;
    }

    /** Within one file the parser rejects a reused name; across a base and a variant the kinds may clash. */
    private void uniqueActorNames() {
        Map<String, String> kinds = new HashMap<>();
        d.converters.keySet().forEach(n -> kinds.put(n, "converter"));
        for (Draft.ReaderDecl r : d.readers.values()) clash(kinds, r.name(), "reader", r.pos());
        for (Draft.HostDecl h : d.hosts.values()) clash(kinds, h.name(), "host", h.pos());
        for (Draft.ProgramDecl g : d.programs.values()) clash(kinds, g.name(), g.keyword(), g.pos());
        for (Draft.DeviceDecl v : d.devices.values()) clash(kinds, v.name(), "device", v.pos());
    }

    private void clash(Map<String, String> kinds, String name, String kind, Pos pos) {
        String other = kinds.putIfAbsent(name, kind);
        if (other != null) problems.at(pos, "actor name " + name + " is used by a " + other + " and a " + kind);
    }

    private Set<Primitive> mayFail(Platform platform) {
        Set<Primitive> result = EnumSet.noneOf(Primitive.class);
        if (d.fail == null) return result;
        for (Located<Primitive> f : d.fail.value()) {
            Primitive p = f.value();
            if (platform != null && !p.availableOn(platform)) {
                available(p, f.pos(), platform);
                continue;
            }
            if (!calledByAConverter(p)) {
                problems.at(f.pos(), "fail " + p.specName() + ": no converter calls " + p.specName());
                continue;
            }
            result.add(p);
        }
        return result;
    }

    private boolean calledByAConverter(Primitive p) {
        for (Draft.ConverterDecl c : d.converters.values()) {
            for (Draft.PhaseDecl ph : c.phases()) {
                for (Draft.Step s : ph.steps()) if (s.primitive() == p) return true;
            }
        }
        return incomplete; // a converter may be missing because its line failed
    }

    private List<Spec.Expectation> expectations(List<PropertyName> checked, SeedSystem system) {
        List<Spec.Expectation> result = new ArrayList<>();
        for (Draft.ExpectDecl e : d.expectations) {
            if (system != null && !e.property().systems().contains(system)) {
                problems.at(e.pos(), "expect " + notOfSystem(e.property(), system));
                continue;
            }
            if (system != null && !checked.contains(e.property())) {
                String where = d.check == null ? "" : " (`check` on line " + d.check.pos().line()
                        + (d.check.pos().file().equals(d.file) ? "" : " of " + d.check.pos().file().getFileName()) + ")";
                problems.at(e.pos(), "expect " + e.property().specName() + ": that property is not checked" + where);
                continue;
            }
            result.add(new Spec.Expectation(e.property().specName(), e.holds(), e.pos().line(), e.source()));
        }
        return result;
    }
}
