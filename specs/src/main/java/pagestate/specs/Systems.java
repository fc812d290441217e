package pagestate.specs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;
import pagestate.model.busdma.BusdmaConfig;
import pagestate.model.busdma.DriverStep;
import pagestate.model.busdma.LoadMode;
import pagestate.model.cove.CoveConfig;
import pagestate.model.cove.CoveStep;
import pagestate.model.cove.TsmMode;
import pagestate.model.iommu.GuestStep;
import pagestate.model.iommu.IommuConfig;
import pagestate.model.iommu.IommuPolicy;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.swiotlb.Caches;
import pagestate.model.swiotlb.Encryption;
import pagestate.model.swiotlb.SwiotlbConfig;
import pagestate.model.swiotlb.SwiotlbStep;

/**
 * Builds the config of a seed system other than {@code cpu} from a merged draft: its own statements
 * (already checked to belong to it by the Validator), its one program, device and reader, with the
 * same kind of one-line errors as the CPU statements.
 */
final class Systems {
    static final int DEFAULT_IOMMU_PAGES = 2;
    static final int DEFAULT_SEGMENTS = 2;

    private final Problems problems;
    private final Draft d;
    private final boolean incomplete;
    private final SeedSystem system;
    private final Pos file;
    private int start;

    private Systems(Problems problems, Draft d, SeedSystem system, boolean incomplete) {
        this.problems = problems;
        this.d = d;
        this.system = system;
        this.incomplete = incomplete;
        this.file = Pos.ofFile(d.file);
    }

    /** The config, or null when something is missing or wrong (reported). */
    static SystemConfig config(Problems problems, Draft d, SeedSystem system, boolean incomplete) {
        if (system == null) return null;
        return new Systems(problems, d, system, incomplete).build();
    }

    private SystemConfig build() {
        start = problems.count();
        SystemConfig c = switch (system) {
            case IOMMU -> iommu();
            case BUSDMA -> busdma();
            case VTOM_SWIOTLB -> swiotlb();
            case COVE -> cove();
            case CPU -> throw new IllegalStateException("cpu specs are built by the Validator");
        };
        return problems.count() > start || incomplete ? null : c;
    }

    private IommuConfig iommu() {
        IommuPolicy policy = setting(d.iommu, "iommu", IommuPolicy::bySpecName, Names.iommuPolicies());
        int pages = d.pages == null ? DEFAULT_IOMMU_PAGES : d.pages.value();
        if (d.pages != null && pages > IommuConfig.MAX_PAGES) {
            problems.at(d.pages.pos(), "pages is at most " + IommuConfig.MAX_PAGES + " in system iommu");
        }
        Draft.ProgramDecl g = program("guest", "guest NAME page P does to_shared post wait to_private");
        List<GuestStep> steps = g == null ? List.of() : steps(g, GuestStep::bySpecName, GuestStep.values(), GuestStep::specName);
        int page = 0;
        if (g != null && g.page() == null) {
            problems.at(g.pos(), "guest " + g.name() + " needs `page P` (the page it shares and posts for DMA), e.g. guest "
                    + g.name() + " page 1 does ...");
        } else if (g != null) {
            page = g.page().value();
            if (page >= pages) {
                problems.at(g.page().pos(), "guest " + g.name() + " uses page " + page + ", but pages is " + pages
                        + " (pages 0.." + (pages - 1) + ")");
            }
        }
        String device = device(false);
        if (policy == null || g == null || problems.count() > start) return null;
        return new IommuConfig(pages, policy, g.name(), page, steps, device);
    }

    private BusdmaConfig busdma() {
        LoadMode load = d.busdma == null ? LoadMode.BOUNCE
                : setting(d.busdma, "busdma", LoadMode::bySpecName, Names.loadModes());
        int segments = d.segments == null ? DEFAULT_SEGMENTS : d.segments.value();
        Draft.ProgramDecl g = program("driver", "driver NAME does load prewrite start wait postread read unload");
        List<DriverStep> steps = g == null ? List.of() : steps(g, DriverStep::bySpecName, DriverStep.values(), DriverStep::specName);
        Draft.DeviceDecl dev = d.devices.isEmpty() ? null : d.devices.values().iterator().next();
        device(true);
        if (load == null || g == null || problems.count() > start) return null;
        return new BusdmaConfig(segments, load, g.name(), steps, dev == null ? null : dev.name(),
                dev != null && dev.reads(), dev != null && dev.writes());
    }

    private SwiotlbConfig swiotlb() {
        Encryption encryption = d.encryption == null ? Encryption.VTOM
                : setting(d.encryption, "encryption", Encryption::bySpecName, Names.encryptions());
        Caches caches = d.caches == null ? Caches.COHERENT : setting(d.caches, "caches", Caches::bySpecName, Names.caches());
        Draft.ProgramDecl g = program("guest", "guest NAME does hv_visibility remap map start wait sync_for_cpu read");
        List<SwiotlbStep> steps = g == null ? List.of() : steps(g, SwiotlbStep::bySpecName, SwiotlbStep.values(), SwiotlbStep::specName);
        String device = device(false);
        String reader = reader();
        Set<HardwareAction> hardware = d.hardware == null ? EnumSet.allOf(HardwareAction.class) : d.hardware.value();
        if (encryption == null || g == null || problems.count() > start) return null;
        return new SwiotlbConfig(encryption, g.name(), steps, reader, device, hardware, caches);
    }

    private CoveConfig cove() {
        TsmMode mode = setting(d.tsm, "tsm", TsmMode::bySpecName, Names.tsmModes());
        Draft.ProgramDecl g = program("guest", "guest NAME does ioremap mmio iounmap reuse write read");
        List<CoveStep> steps = g == null ? List.of() : steps(g, CoveStep::bySpecName, CoveStep.values(), CoveStep::specName);
        String reader = reader();
        if (mode == null || g == null || problems.count() > start) return null;
        return new CoveConfig(mode, g.name(), steps, reader);
    }

    /** A required one-of setting (null value: missing, reported unless something failed earlier). */
    private <T> T setting(Located<String> value, String keyword, Function<String, Optional<T>> lookup, List<String> allowed) {
        if (value == null) {
            if (!incomplete) problems.at(file, "missing `" + keyword + "` line: one of " + String.join(", ", allowed));
            return null;
        }
        return lookup.apply(value.value()).orElse(null); // the parser accepted only known values
    }

    /** The system's one program actor. */
    private Draft.ProgramDecl program(String keyword, String example) {
        List<Draft.ProgramDecl> all = new ArrayList<>();
        for (Draft.ProgramDecl g : d.programs.values()) if (g.keyword().equals(keyword)) all.add(g);  // the others are reported as foreign
        if (all.isEmpty()) {
            if (!incomplete) problems.at(file, "missing " + keyword + ": add `" + example + "`");
            return null;
        }
        for (int i = 1; i < all.size(); i++) {
            problems.at(all.get(i).pos(), "system " + system.specName() + " has one " + keyword + "; "
                    + all.get(0).name() + " is already it");
        }
        Draft.ProgramDecl g = all.get(0);
        if (g.page() != null && system != SeedSystem.IOMMU) {
            problems.at(g.page().pos(), "a " + keyword + " of system " + system.specName() + " takes no page");
        }
        return g;
    }

    private <T> List<T> steps(Draft.ProgramDecl g, Function<String, Optional<T>> lookup, T[] values, Function<T, String> name) {
        List<String> names = new ArrayList<>();
        for (T v : values) names.add(name.apply(v));
        new EncodingLimits(problems).program(g);
        List<T> result = new ArrayList<>();
        for (Located<String> s : g.steps()) {
            Optional<T> step = lookup.apply(s.value());
            if (step.isEmpty()) {
                problems.at(s.pos(), "unknown step " + Suggest.show(s.value()) + " for a " + g.keyword() + " of system "
                        + system.specName() + Suggest.hint(s.value(), names) + " (its steps: " + String.join(" ", names) + ")");
                continue;
            }
            result.add(step.get());
        }
        return result;
    }

    /** At most one device; {@code directions}: whether it says reads/writes (busdma) or must not (the others). */
    private String device(boolean directions) {
        Draft.DeviceDecl first = null;
        for (Draft.DeviceDecl v : d.devices.values()) {
            if (first != null) {
                problems.at(v.pos(), "system " + system.specName() + " has one device; " + first.name() + " is already it");
                continue;
            }
            first = v;
            if (directions && !v.reads() && !v.writes()) {
                problems.at(v.pos(), "device " + v.name() + " needs `reads`, `writes` or both (what it does with each segment)");
            }
            if (!directions && (v.reads() || v.writes())) {
                problems.at(v.pos(), "a device of system " + system.specName() + " takes no reads or writes: "
                        + (system == SeedSystem.IOMMU ? "it DMAs into the page the guest posts" : "it reads then writes the bounce slot"));
            }
        }
        return first == null ? null : first.name();
    }

    /** At most one reader, in its short form. */
    private String reader() {
        Draft.ReaderDecl first = null;
        for (Draft.ReaderDecl r : d.readers.values()) {
            if (first != null) {
                problems.at(r.pos(), "system " + system.specName() + " has one reader; " + first.name() + " is already it");
                continue;
            }
            first = r;
            if (r.cpu() != null) {
                problems.at(r.pos(), "in system " + system.specName() + " a reader is written `reader " + r.name()
                        + "`: where it reads is fixed (" + (system == SeedSystem.COVE ? "the last RAM page into the hole after RAM"
                        : "the page before the pool into the pool page") + ")");
            }
        }
        return first == null ? null : first.name();
    }
}
