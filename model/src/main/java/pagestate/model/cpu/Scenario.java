package pagestate.model.cpu;

import pagestate.model.SeedSystem;
import pagestate.model.SystemConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a spec describes about the system to explore: the platform and its options, the bounds,
 * the converters, the concurrent actors and which hardware actions are on. A value; the model builds
 * its transition system from it ({@code PageSystem}).
 *
 * <p>Pages are numbered 0..pages-1. Mappings: 1 = the direct map only; 2 = plus a vmalloc alias
 * (updated by CPA together with the direct map); 3 = plus a lazy alias (a lazily freed vmap area
 * whose PTE is gone but whose TLB entries linger until vm_unmap_aliases()).
 */
public record Scenario(Platform platform, Options options, int cpus, int pages, int mappings,
                       List<Converter> converters, List<ZeropadReader> readers, List<HostActor> hosts,
                       Set<HardwareAction> hardware, Set<Primitive> mayFail, ErrorPath onError) implements SystemConfig {

    public static final int MAX_CPUS = 8;
    public static final int MAX_PAGES = 4;
    public static final int MAX_MAPPINGS = 3;

    public Scenario {
        converters = List.copyOf(converters);
        readers = List.copyOf(readers);
        hosts = List.copyOf(hosts);
        hardware = hardware.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hardware));
        mayFail = mayFail.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mayFail));
        check(cpus >= 1 && cpus <= MAX_CPUS, "cpus must be 1.." + MAX_CPUS);
        check(pages >= 1 && pages <= MAX_PAGES, "pages must be 1.." + MAX_PAGES);
        check(mappings >= 1 && mappings <= MAX_MAPPINGS, "mappings must be 1.." + MAX_MAPPINGS);
        java.util.Set<Integer> converted = new java.util.HashSet<>();
        for (Converter c : converters) {
            check(c.cpu() >= 0 && c.cpu() < cpus, "converter " + c.name() + ": no cpu " + c.cpu());
            for (int p : c.pages()) check(converted.add(p), "page " + p + " is converted by two converters");
            for (int p : c.pages()) check(p >= 0 && p < pages, "converter " + c.name() + ": no page " + p);
            for (Phase ph : c.phases()) {
                for (Primitive s : ph.steps()) {
                    check(s.availableOn(platform), s.specName() + " is not a " + platform.specName() + " primitive");
                }
            }
        }
        for (ZeropadReader r : readers) {
            check(r.cpu() >= 0 && r.cpu() < cpus, "reader " + r.name() + ": no cpu " + r.cpu());
            check(r.page() >= 0 && r.page() + 1 < pages, "reader " + r.name() + ": reads page " + r.page()
                    + " into page " + (r.page() + 1) + ", which needs pages >= " + (r.page() + 2));
        }
        for (HostActor h : hosts) {
            check(h.page() >= 0 && h.page() < pages, "host " + h.name() + ": no page " + h.page());
        }
        for (Primitive p : mayFail) check(p.isHypercall(), p.specName() + " is not a hypercall");
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** The converter that converts {@code page}, or null. */
    public Converter converterOf(int page) {
        for (Converter c : converters) if (c.pages().contains(page)) return c;
        return null;
    }

    public boolean hardwareOn(HardwareAction a) {
        return hardware.contains(a);
    }

    @Override
    public SeedSystem system() {
        return SeedSystem.CPU;
    }

    @Override
    public String platformLabel() {
        return platform.specName();
    }

    @Override
    public PageModel newModel() {
        return new PageModel(this);
    }
}
