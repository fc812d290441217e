package pagestate.specs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.ZeropadReader;

/**
 * Builds the {@link Scenario} of a {@code system cpu} spec from its merged draft: bounds against actors,
 * primitives, options and {@code fail} against the platform, each {@code via} against the spec's
 * mappings, and the encoding's limits ({@link EncodingLimits}), all before a model constructor could
 * refuse a value.
 */
final class CpuScenario {
    static final int DEFAULT_CPUS = 2;
    static final int DEFAULT_PAGES = 2;
    static final int DEFAULT_MAPPINGS = 1;

    private final Problems problems;
    private final Draft d;
    private final boolean incomplete;

    CpuScenario(Problems problems, Draft d, boolean incomplete) {
        this.problems = problems;
        this.d = d;
        this.incomplete = incomplete;
    }

    /** The CPU conversion's scenario (system cpu), or null when something is missing or wrong. */
    Scenario scenario(Pos file) {
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
                Map<Integer, Mapping> stepVia = new HashMap<>();
                for (Draft.Step s : ph.steps()) {
                    available(s.primitive(), s.pos(), platform);
                    if (s.via() != null) {
                        declared(s.primitive().specName(), s.via(), mappings);
                        stepVia.put(steps.size(), s.via().value());
                    }
                    if (s.always()) {
                        if (steps.stream().noneMatch(Primitive::isHypercall)) {
                            problems.at(s.pos(), "no hypercall precedes always " + s.primitive().specName()
                                    + ": nothing can skip it; remove always");
                        }
                        always.add(steps.size());
                    }
                    steps.add(s.primitive());
                }
                phases.add(new Phase(ph.target(), steps, always, stepVia));
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
            problems.poll();
            if (r.cpu() == null) {
                problems.at(r.pos(), "reader " + r.name() + " needs `on cpu N page P` in system cpu (the page it reads across into page P+1)");
                continue;
            }
            if (r.cpu().value() >= cpus) cpu("reader " + r.name() + " runs on", r.cpu(), cpus);
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
            problems.poll();
            if (h.page().value() >= pages) page("host " + h.name() + " touches", h.page(), pages);
            result.add(new HostActor(h.name(), h.page().value(), h.reads(), h.writes()));
        }
        return result;
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

    private void missing(Object value, Pos at, String message) {
        if (value == null && !incomplete) problems.at(at, message);
    }
}
