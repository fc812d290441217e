package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;

/**
 * Checks a merged draft as a whole (its system, statements of other systems, actor names across files,
 * {@code check} and the expectations) and builds the {@link Spec}; the cpu system's scenario comes from
 * {@link CpuScenario}, the other systems' configs from {@link Systems}. Every check here runs before a model
 * constructor could refuse the value, so the model's exceptions never reach a user.
 */
final class Validator {
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
        problems.poll();
        uniqueActorNames();
        problems.poll();
        List<PropertyName> checked = checked(system);
        List<Spec.Expectation> expectations = expectations(checked, system);
        SystemConfig config = system == SeedSystem.CPU ? new CpuScenario(problems, d, incomplete).scenario(file)
                : Systems.config(problems, d, system, incomplete);
        problems.poll();
        if (problems.count() > before || incomplete || config == null) return null;
        List<String> properties = new ArrayList<>();
        for (PropertyName p : checked) properties.add(p.specName());
        return new Spec(d.file, d.name.value(), d.description.value(), system.specName(), config, properties, expectations,
                Optional.ofNullable(base));
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
