package pagestate.specs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.KernelCode;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.SeedSystem;
import pagestate.model.busdma.DriverStep;
import pagestate.model.busdma.LoadMode;
import pagestate.model.cove.CoveStep;
import pagestate.model.cove.TsmMode;
import pagestate.model.iommu.GuestStep;
import pagestate.model.iommu.IommuPolicy;
import pagestate.model.swiotlb.Encryption;
import pagestate.model.swiotlb.SwiotlbStep;

/**
 * The reference tables of the spec language, generated from the model's enums (so a new primitive,
 * option or property appears in them by itself). specs/README.md embeds them, and a test keeps it
 * up to date; the CLI may print them.
 */
public final class Reference {
    private Reference() { }

    /** {@code | platform | what it is |}. */
    public static String platforms() {
        List<String[]> rows = new ArrayList<>();
        for (Platform p : Platform.values()) rows.add(new String[] {code(p.specName()), p.description()});
        return table(new String[] {"platform", "what it is"}, rows);
    }

    /** {@code | primitive | platforms | hypercall (may fail) | what it does |}. */
    public static String primitives() {
        List<String[]> rows = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            List<String> on = new ArrayList<>();
            for (Platform pl : Platform.values()) if (p.availableOn(pl)) on.add(pl.specName());
            String where = on.size() == Platform.values().length ? "all" : String.join(", ", on);
            rows.add(new String[] {code(p.specName()), where, p.isHypercall() ? "yes" : "", p.description()});
        }
        return table(new String[] {"primitive", "platforms", "hypercall (`fail`)", "what it does"}, rows);
    }

    /** {@code | mapping | mappings N | what it is |}. */
    public static String mappings() {
        List<String[]> rows = new ArrayList<>();
        for (Mapping m : Mapping.values()) {
            rows.add(new String[] {code(m.label()), "from " + (m.ordinal() + 1), m.description()});
        }
        return table(new String[] {"mapping", "in `mappings N`", "what it is"}, rows);
    }

    /** {@code | primitive | platforms | kernel code |}: what each step stands for ({@link KernelCode}). */
    public static String kernel() {
        List<String[]> rows = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            Map<String, List<String>> byCode = new java.util.LinkedHashMap<>();
            for (Platform pl : Platform.values()) {
                if (p.availableOn(pl)) byCode.computeIfAbsent(KernelCode.of(pl, p), k -> new ArrayList<>()).add(pl.specName());
            }
            for (Map.Entry<String, List<String>> e : byCode.entrySet()) {
                String where = e.getValue().size() == Platform.values().length ? "all" : String.join(", ", e.getValue());
                rows.add(new String[] {code(p.specName()), where, e.getKey()});
            }
        }
        return table(new String[] {"primitive", "platforms", "kernel code it stands for"}, rows);
    }

    /** {@code | option | platform | values | default | meaning |}. */
    public static String options() {
        List<String[]> rows = new ArrayList<>();
        for (Options.Option o : Options.Option.values()) {
            rows.add(new String[] {code(o.specName()), o.platform().specName(), String.join(", ", o.allowed()),
                    o.defaultValue(), o.description()});
        }
        return table(new String[] {"option", "platform", "values", "default", "meaning"}, rows);
    }

    /** {@code | hardware action | what the hardware may do |}. */
    public static String hardware() {
        List<String[]> rows = new ArrayList<>();
        for (HardwareAction h : HardwareAction.values()) rows.add(new String[] {code(h.specName()), h.description()});
        return table(new String[] {"hardware action", "what the hardware may do at any time"}, rows);
    }

    /** {@code | on_error | what a failed conversion does |}. */
    public static String errorPaths() {
        List<String[]> rows = new ArrayList<>();
        for (ErrorPath e : ErrorPath.values()) rows.add(new String[] {code(e.specName()), e.description()});
        return table(new String[] {"on_error", "what a converter does when a hypercall fails"}, rows);
    }

    /** {@code | property | systems | kind | it holds when |}. */
    public static String properties() {
        List<String[]> rows = new ArrayList<>();
        for (PropertyName p : PropertyName.values()) {
            List<String> systems = new ArrayList<>();
            for (SeedSystem sys : p.systems()) systems.add(sys.specName());
            rows.add(new String[] {code(p.specName()), String.join(", ", systems), p.isLiveness() ? "liveness" : "safety",
                    p.description()});
        }
        return table(new String[] {"property", "systems", "kind", "it holds when"}, rows);
    }

    /** {@code | system | what it models | properties |}. */
    public static String systems() {
        List<String[]> rows = new ArrayList<>();
        for (SeedSystem sys : SeedSystem.values()) {
            List<String> props = new ArrayList<>();
            for (PropertyName p : sys.properties()) props.add(code(p.specName()));
            rows.add(new String[] {code(sys.specName()), sys.description(), String.join(" ", props)});
        }
        return table(new String[] {"system", "what it models", "properties"}, rows);
    }

    /** The words of system iommu: VMM policies and guest steps. */
    public static String iommu() {
        List<String[]> rows = new ArrayList<>();
        for (IommuPolicy p : IommuPolicy.values()) rows.add(new String[] {code("iommu " + p.specName()), "VMM policy", p.description()});
        for (GuestStep g : GuestStep.values()) rows.add(new String[] {code(g.specName()), "guest step", g.description()});
        return table(new String[] {"word", "kind", "meaning"}, rows);
    }

    /** The words of system busdma: load modes and driver steps. */
    public static String busdma() {
        List<String[]> rows = new ArrayList<>();
        for (LoadMode m : LoadMode.values()) rows.add(new String[] {code("busdma " + m.specName()), "load mode", m.description()});
        for (DriverStep d : DriverStep.values()) rows.add(new String[] {code(d.specName()), "driver step", d.description()});
        return table(new String[] {"word", "kind", "meaning"}, rows);
    }

    /** The words of system vtom-swiotlb: encryption, caches and guest steps. */
    public static String swiotlb() {
        List<String[]> rows = new ArrayList<>();
        for (Encryption e : Encryption.values()) rows.add(new String[] {code("encryption " + e.specName()), "page tables", e.description()});
        for (pagestate.model.swiotlb.Caches c : pagestate.model.swiotlb.Caches.values()) {
            rows.add(new String[] {code("caches " + c.specName()), "caches", c.description()});
        }
        for (SwiotlbStep g : SwiotlbStep.values()) rows.add(new String[] {code(g.specName()), "guest step", g.description()});
        return table(new String[] {"word", "kind", "meaning"}, rows);
    }

    /** The words of system cove: TSM modes and guest steps. */
    public static String cove() {
        List<String[]> rows = new ArrayList<>();
        for (TsmMode m : TsmMode.values()) rows.add(new String[] {code("tsm " + m.specName()), "TSM mode", m.description()});
        for (CoveStep g : CoveStep.values()) rows.add(new String[] {code(g.specName()), "guest step", g.description()});
        return table(new String[] {"word", "kind", "meaning"}, rows);
    }

    /** Every generated table by the name its README section uses. */
    public static Map<String, String> tables() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("platforms", platforms());
        m.put("primitives", primitives());
        m.put("mappings", mappings());
        m.put("kernel", kernel());
        m.put("options", options());
        m.put("hardware", hardware());
        m.put("on_error", errorPaths());
        m.put("properties", properties());
        m.put("systems", systems());
        m.put("iommu", iommu());
        m.put("busdma", busdma());
        m.put("vtom_swiotlb", swiotlb());
        m.put("cove", cove());
        return m;
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    private static String table(String[] header, List<String[]> rows) {
        StringBuilder b = new StringBuilder();
        row(b, header);
        String[] rule = new String[header.length];
        java.util.Arrays.fill(rule, "---");
        row(b, rule);
        for (String[] r : rows) row(b, r);
        return b.toString();
    }

    private static void row(StringBuilder b, String[] cells) {
        b.append("|");
        for (String c : cells) b.append(' ').append(c.replace("|", "\\|")).append(" |");
        b.append('\n');
    }
}
