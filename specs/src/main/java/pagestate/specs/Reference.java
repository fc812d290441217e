package pagestate.specs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import pagestate.model.ErrorPath;
import pagestate.model.HardwareAction;
import pagestate.model.Options;
import pagestate.model.Platform;
import pagestate.model.Primitive;
import pagestate.model.PropertyName;

/**
 * The reference tables of the spec language, generated from the model's enums (so a new primitive,
 * option or property appears in them by itself). specs/README.md embeds them, and a test keeps it
 * up to date; the CLI may print them. The one-line meanings not (yet) held by the model enums are here.
 */
public final class Reference {
    static final String MISSING = "(no description yet: add one in pagestate.specs.Reference)";

    private static final Map<Platform, String> PLATFORMS = new EnumMap<>(Map.of(
            Platform.TDX, "Intel TDX: shared bit in the PTE, secure-EPT page states, #VE, MapGPA and ACCEPT",
            Platform.SNP, "AMD SEV-SNP: C-bit in the PTE, RMP with the validated bit, #VC, PSC and PVALIDATE",
            Platform.VTOM, "Hyper-V isolation VM with SNP vTOM and a paravisor: the attribute is the address alias above vTOM"));

    private static final Map<Primitive, String> PRIMITIVES = new EnumMap<>(Map.ofEntries(
            Map.entry(Primitive.UNMAP_ALIASES, "vm_unmap_aliases(): drop the lazily freed vmap aliases and their TLB entries"),
            Map.entry(Primitive.CLEAR_PRESENT, "set_memory_np(): PRESENT 1 -> 0 in the PTEs (no flush by itself)"),
            Map.entry(Primitive.SET_PRESENT, "set_memory_p(): PRESENT 0 -> 1 in the PTEs (no flush by itself)"),
            Map.entry(Primitive.FLIP, "set the encryption attribute of the PTEs to the phase's target"),
            Map.entry(Primitive.CLEAR_PRESENT_AND_FLIP, "Edgecombe's merged PTE write: PRESENT 1 -> 0 and the attribute flipped at once"),
            Map.entry(Primitive.FLUSH_TLB, "flush_tlb_kernel_range() on all CPUs: every CPU drops its entries for the pages"),
            Map.entry(Primitive.FLUSH_CACHE, "CLFLUSH each page through the direct map; cpa_flush() skips pages whose PTE is not present"),
            Map.entry(Primitive.WBINVD, "write back and invalidate every cache line; needs no mapping"),
            Map.entry(Primitive.MAP_GPA, "TDG.VP.VMCALL<MapGPA>: the VMM converts the GPA range to the phase's target"),
            Map.entry(Primitive.ACCEPT, "TDG.MEM.PAGE.ACCEPT: private-pending -> private-accepted; zeroes the page"),
            Map.entry(Primitive.PSC, "Page State Change request: the hypervisor assigns the page to the guest or takes it back"),
            Map.entry(Primitive.PVALIDATE, "PVALIDATE (validate) through the direct map's virtual address"),
            Map.entry(Primitive.RESCIND, "PVALIDATE (rescind) through the direct map's virtual address"),
            Map.entry(Primitive.HV_VISIBILITY, "HVCALL_MODIFY_SPARSE_GPA_PAGE_HOST_VISIBILITY (hv_mark_gpa_visibility())")));

    private static final Map<Options.Option, String> OPTIONS = new EnumMap<>(Map.of(
            Options.Option.SME_COHERENT, "the CPU has X86_FEATURE_SME_COHERENT: a leftover line with the other key is harmless",
            Options.Option.VE_ZEROPAD_FIXUP, "the #VE handler's zeropad fixup works (1e7769653b06 and the July 2023 fix); off: a zeropad #VE is fatal",
            Options.Option.WRITEBACK_MISMATCH, "what writing back a dirty line with the wrong key leaves in the page (unconfirmed, domain.md 4)",
            Options.Option.VMM_FLUSH_ON_MAP_PRIVATE, "MapGPA(private) includes the VMM's cache flush of the shared alias (tdx.c comment)",
            Options.Option.HOST_IMPLICIT_CONVERSION, "on an RMP nested page fault the host converts the page to what the access"
                    + " wanted and lets it retry, instead of stopping the guest (domain.md 5)"));

    private static final Map<HardwareAction, String> HARDWARE = new EnumMap<>(Map.of(
            HardwareAction.TLB_FILL, "any CPU caches a translation from a present PTE, at any time (SDM Vol. 3A 4.10.2.3)",
            HardwareAction.TLB_EVICT, "any CPU drops one of its TLB entries",
            HardwareAction.CACHE_FILL, "a clean line is filled through a present translation, with its key",
            HardwareAction.WRITEBACK, "a dirty line is written back (evicted)"));

    private static final Map<ErrorPath, String> ERROR_PATHS = new EnumMap<>(Map.of(
            ErrorPath.LEAK, "a converter whose hypercall failed leaks the page: never returns it to the allocator (Linux since 2024)",
            ErrorPath.FREE, "a converter whose hypercall failed returns the page to the allocator (the bad variant)"));

    private Reference() { }

    /** {@code | platform | what it is |}. */
    public static String platforms() {
        List<String[]> rows = new ArrayList<>();
        for (Platform p : Platform.values()) rows.add(new String[] {code(p.specName()), PLATFORMS.getOrDefault(p, MISSING)});
        return table(new String[] {"platform", "what it is"}, rows);
    }

    /** {@code | primitive | platforms | hypercall (may fail) | what it does |}. */
    public static String primitives() {
        List<String[]> rows = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            List<String> on = new ArrayList<>();
            for (Platform pl : Platform.values()) if (p.availableOn(pl)) on.add(pl.specName());
            String where = on.size() == Platform.values().length ? "all" : String.join(", ", on);
            rows.add(new String[] {code(p.specName()), where, p.isHypercall() ? "yes" : "", PRIMITIVES.getOrDefault(p, MISSING)});
        }
        return table(new String[] {"primitive", "platforms", "hypercall (`fail`)", "what it does"}, rows);
    }

    /** {@code | option | platform | values | default | meaning |}. */
    public static String options() {
        List<String[]> rows = new ArrayList<>();
        for (Options.Option o : Options.Option.values()) {
            rows.add(new String[] {code(o.specName()), o.platform().specName(), String.join(", ", o.allowed()),
                    o.defaultValue(), OPTIONS.getOrDefault(o, MISSING)});
        }
        return table(new String[] {"option", "platform", "values", "default", "meaning"}, rows);
    }

    /** {@code | hardware action | what the hardware may do |}. */
    public static String hardware() {
        List<String[]> rows = new ArrayList<>();
        for (HardwareAction h : HardwareAction.values()) rows.add(new String[] {code(h.specName()), HARDWARE.getOrDefault(h, MISSING)});
        return table(new String[] {"hardware action", "what the hardware may do at any time"}, rows);
    }

    /** {@code | on_error | what a failed conversion does |}. */
    public static String errorPaths() {
        List<String[]> rows = new ArrayList<>();
        for (ErrorPath e : ErrorPath.values()) rows.add(new String[] {code(e.specName()), ERROR_PATHS.getOrDefault(e, MISSING)});
        return table(new String[] {"on_error", "what a converter does when a hypercall fails"}, rows);
    }

    /** {@code | property | kind | it holds when |}. */
    public static String properties() {
        List<String[]> rows = new ArrayList<>();
        for (PropertyName p : PropertyName.values()) {
            rows.add(new String[] {code(p.specName()), p.isLiveness() ? "liveness" : "safety", p.description()});
        }
        return table(new String[] {"property", "kind", "it holds when"}, rows);
    }

    /** Every generated table by the name its README section uses. */
    public static Map<String, String> tables() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("platforms", platforms());
        m.put("primitives", primitives());
        m.put("options", options());
        m.put("hardware", hardware());
        m.put("on_error", errorPaths());
        m.put("properties", properties());
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
