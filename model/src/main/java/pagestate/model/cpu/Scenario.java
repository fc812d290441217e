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
 * <p>Pages are numbered 0..pages-1. {@code mappings}: the mappings every page has, in {@link Mapping}
 * order: always the direct map, and any of a vmalloc alias (updated by CPA together with the direct
 * map) and a lazy alias (a lazily freed vmap area whose PTE is gone but whose TLB entries linger until
 * vm_unmap_aliases()).
 */
public record Scenario(Platform platform, Options options, int cpus, int pages, List<Mapping> mappings,
                       List<Converter> converters, List<ZeropadReader> readers, List<HostActor> hosts,
                       Set<HardwareAction> hardware, Set<Primitive> mayFail, ErrorPath onError) implements SystemConfig {

    public static final int MAX_CPUS = 4;
    public static final int MAX_PAGES = 4;
    public static final int MAX_MAPPINGS = 3;

    /** The first {@code mappings} mappings: 1 = the direct map, 2 = plus the vmalloc alias, 3 = plus the lazy alias. */
    public Scenario(Platform platform, Options options, int cpus, int pages, int mappings, List<Converter> converters,
                    List<ZeropadReader> readers, List<HostActor> hosts, Set<HardwareAction> hardware,
                    Set<Primitive> mayFail, ErrorPath onError) {
        this(platform, options, cpus, pages, firstMappings(mappings), converters, readers, hosts, hardware, mayFail, onError);
    }

    private static List<Mapping> firstMappings(int n) {
        check(n >= 1 && n <= MAX_MAPPINGS, "mappings must be 1.." + MAX_MAPPINGS);
        return Mapping.first(n);
    }

    public Scenario {
        mappings = List.copyOf(mappings);
        converters = List.copyOf(converters);
        readers = List.copyOf(readers);
        hosts = List.copyOf(hosts);
        hardware = hardware.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hardware));
        mayFail = mayFail.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mayFail));
        check(cpus >= 1 && cpus <= MAX_CPUS, "cpus must be 1.." + MAX_CPUS);
        check(pages >= 1 && pages <= MAX_PAGES, "pages must be 1.." + MAX_PAGES);
        check(!mappings.isEmpty() && mappings.get(0) == Mapping.DIRECT, "every page has the direct map");
        for (int i = 1; i < mappings.size(); i++) {
            check(mappings.get(i).ordinal() > mappings.get(i - 1).ordinal(), "mappings must be distinct and in order: " + mappings);
        }
        java.util.Set<Integer> converted = new java.util.HashSet<>();
        for (Converter c : converters) {
            check(c.cpu() >= 0 && c.cpu() < cpus, "converter " + c.name() + ": no cpu " + c.cpu());
            for (int p : c.pages()) check(converted.add(p), "page " + p + " is converted by two converters");
            for (int p : c.pages()) check(p >= 0 && p < pages, "converter " + c.name() + ": no page " + p);
            check(mappings.contains(c.via()), "converter " + c.name() + ": no " + c.via().label() + " mapping");
            check(c.via().hasPte(), "converter " + c.name() + ": its owner uses a live mapping, not the lazy alias");
            for (Phase ph : c.phases()) {
                for (Primitive s : ph.steps()) {
                    check(s.availableOn(platform), s.specName() + " is not a " + platform.specName() + " primitive");
                }
            }
        }
        for (ZeropadReader r : readers) {
            check(r.cpu() >= 0 && r.cpu() < cpus, "reader " + r.name() + ": no cpu " + r.cpu());
            check(mappings.contains(r.via()), "reader " + r.name() + ": no " + r.via().label() + " mapping");
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

    /** How many mappings a page has. */
    public int mappingCount() {
        return mappings.size();
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
