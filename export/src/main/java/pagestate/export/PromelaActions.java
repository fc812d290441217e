package pagestate.export;

import java.util.List;
import pagestate.model.cpu.Attribute;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.ConverterProgram;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.HostActor;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.model.cpu.ZeropadReader;

/**
 * The actions of a scenario as the options of one Promela {@code do} loop: each option is one
 * {@code d_step}, so one SPIN transition is one pagestate action. Converters run their flattened programs
 * (one option per program counter), zeropad readers load once, hosts touch shared pages, and the
 * hardware fills and evicts TLB entries and cache lines. Nothing runs after a fatal outcome.
 */
final class PromelaActions {

    private final Scenario scenario;
    private final List<ConverterProgram> programs;

    PromelaActions(Scenario scenario) {
        this.scenario = scenario;
        this.programs = scenario.converters().stream().map(ConverterProgram::new).toList();
    }

    /** The options of the main loop, each ending in the step's checks. */
    void options(StringBuilder out) {
        for (int i = 0; i < programs.size(); i++) converter(out, i);
        for (int i = 0; i < scenario.readers().size(); i++) reader(out, i);
        for (int i = 0; i < scenario.hosts().size(); i++) host(out, i);
        hardware(out);
    }

    private void option(StringBuilder out, String comment, String guard, String body) {
        out.append("  /* ").append(comment).append(" */\n");
        out.append("  :: d_step { crash == 0 && ").append(guard).append(" ->\n");
        out.append("       c = C_OK; r = C_OK;\n");
        for (String line : (trim(body) + ";\nstep_done() }").split("\n")) out.append("       ").append(line).append('\n');
    }

    // ---- converters

    private void converter(StringBuilder out, int i) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        for (int pc = 0; pc < prog.size(); pc++) {
            ConverterProgram.Op op = prog.ops().get(pc);
            if (op.always()) cleanUp(out, i, pc);
            String guard = "cst[" + i + "] == S_RUNNING && cpc[" + i + "] == " + pc;
            String next = "finish(" + i + ", " + (pc + 1) + ", " + (pc + 1 == prog.size() ? "S_DONE" : "S_RUNNING") + ")";
            String who = conv.name() + " (CPU" + conv.cpu() + ") pc " + pc + ": " + op.describe(conv);
            String body = switch (op.kind()) {
                case STEP -> step(conv, op.primitive(), op.via(), prog.converter().phases().get(op.phase()).target().target());
                case OWNER_WRITE -> ownerWrite(conv, op.value().name());
                case OWNER_READ -> ownerRead(conv);
                case REUSE_WRITE -> throw new IllegalStateException("reuse is not a program operation");
            };
            String pending = null;
            if (op.kind() == ConverterProgram.Op.Kind.STEP && op.primitive() == Primitive.ACCEPT) {
                // ACCEPT of a page that is not pending fails: the error path, from the state before the step
                StringBuilder all = new StringBuilder();
                for (int page : conv.pages()) {
                    all.append(all.length() == 0 ? "" : " && ").append("hv[").append(page).append("] == HV_TDX_PENDING");
                }
                pending = all.toString();
                body = "if\n:: " + pending + " ->\n   " + trim(body).replace("\n", "\n   ") + ";\n   " + next
                        + "\n:: else -> " + fail(i, pc) + "\nfi";
            } else {
                body = trim(body) + ";\n" + next;
            }
            option(out, who, guard, body);
            if (op.kind() == ConverterProgram.Op.Kind.STEP && scenario.mayFail().contains(op.primitive())) {
                // a step that failed by itself has already taken the error path: only one such successor
                option(out, who + " fails (the spec lets it fail)", pending == null ? guard : guard + " && " + pending,
                        fail(i, pc));
            }
        }
        if (scenario.onError() == ErrorPath.FREE) {
            StringBuilder body = new StringBuilder();
            for (int page : conv.pages()) body.append("write(").append(conv.cpu()).append(", DIRECT, ").append(page).append(", CT_SECRET); worse(r);\n");
            body.append("finish(").append(i).append(", ").append(prog.reuseIndex() + 1).append(", S_FREED)");
            option(out, conv.name() + ": the allocator reuses the freed page; a new user writes its secret",
                    "cst[" + i + "] == S_FREED && cpc[" + i + "] == " + prog.reuseIndex(), body.toString());
        }
    }

    /** A statement sequence without its trailing separator, so that another can follow it. */
    private static String trim(String body) {
        String b = body.strip();
        while (b.endsWith(";")) b = b.substring(0, b.length() - 1).strip();
        return b;
    }

    /**
     * The operation at {@code pc} failed (a failed hypercall changes nothing): on to the next always step of
     * its phase, or straight to the error path.
     */
    private String fail(int i, int pc) {
        int next = programs.get(i).nextAlways(pc);
        if (next < 0) return errorPath(i);
        return "happen(C_HYPERCALL_FAILED); cpc[" + i + "] = " + next + "; cst[" + i + "] = S_CLEANING; clast[" + i
                + "] = C_HYPERCALL_FAILED";
    }

    /**
     * An always step after a failure (the code after a cleanup label, e.g. ivm.c err_set_memory_p): it runs
     * as usual, a hypercall among them is not failed again, and after the last one comes the error path.
     */
    private void cleanUp(StringBuilder out, int i, int pc) {
        ConverterProgram prog = programs.get(i);
        Converter conv = prog.converter();
        ConverterProgram.Op op = prog.ops().get(pc);
        Attribute target = conv.phases().get(op.phase()).target().target();
        String body = op.primitive() == Primitive.ACCEPT ? acceptInOrder(conv) : step(conv, op.primitive(), op.via(), target);
        body = trim(body) + ";\nif :: c != C_OK -> happen(c) :: else -> skip fi;\n";
        int next = prog.nextAlways(pc);
        if (next >= 0) {
            body += "cpc[" + i + "] = " + next + "; cst[" + i + "] = S_CLEANING; clast[" + i + "] = c";
        } else {
            body += "if\n:: crash != 0 -> cst[" + i + "] = S_CLEANING; clast[" + i + "] = c\n:: else -> "
                    + errorPath(i) + "\nfi";
        }
        option(out, conv.name() + " (CPU" + conv.cpu() + ") pc " + pc + ": " + op.describe(conv) + " after a failure",
                "cst[" + i + "] == S_CLEANING && cpc[" + i + "] == " + pc, body);
    }

    /** ACCEPT page by page; the first page that is not pending fails the call, the earlier ones stay accepted. */
    private static String acceptInOrder(Converter conv) {
        StringBuilder b = new StringBuilder();
        for (int page : conv.pages()) {
            b.append("if\n:: c == C_OK && hv[").append(page).append("] == HV_TDX_PENDING -> accept(").append(page)
                    .append(")\n:: c == C_OK && hv[").append(page).append("] != HV_TDX_PENDING -> c = C_HYPERCALL_FAILED\n")
                    .append(":: else -> skip\nfi;\n");
        }
        return b.toString();
    }

    /** The error path: the converter leaks the pages, or (error path free) frees them. */
    private String errorPath(int i) {
        ConverterProgram prog = programs.get(i);
        if (scenario.onError() == ErrorPath.FREE) {
            return "happen(C_HYPERCALL_FAILED); c = C_PAGE_FREED_AFTER_FAILURE; finish(" + i + ", " + prog.reuseIndex() + ", S_FREED)";
        }
        return "happen(C_HYPERCALL_FAILED); c = C_HYPERCALL_FAILED; finish(" + i + ", " + (prog.reuseIndex() + 1) + ", S_LEAKED)";
    }

    /** {@code via}: the mapping a step that takes an address goes through (Phase.via). */
    private static String step(Converter conv, Primitive p, Mapping via, Attribute target) {
        String to = target == Attribute.PRIVATE ? "PRIVATE" : "SHARED";
        StringBuilder b = new StringBuilder();
        switch (p) {
            case UNMAP_ALIASES -> b.append("unmap_aliases()");
            case WBINVD -> b.append("wbinvd()");
            default -> {
                for (int page : conv.pages()) {
                    if (b.length() > 0) b.append(";\n");
                    b.append(switch (p) {
                        case CLEAR_PRESENT -> "clear_present(" + page + ")";
                        case SET_PRESENT -> "set_present(" + page + ")";
                        case FLIP -> "flip(" + page + ", " + to + ")";
                        case CLEAR_PRESENT_AND_FLIP -> "clear_present_and_flip(" + page + ", " + to + ")";
                        case FLUSH_TLB -> "flush_tlb(" + page + ")";
                        // cpa_flush() skips an address with no PTE: through the lazy alias it flushes nothing
                        case FLUSH_CACHE -> via.hasPte() ? "flush_cache(" + conv.cpu() + ", " + via.name() + ", " + page + ")"
                                : "skip";
                        case MAP_GPA -> "map_gpa_" + to.toLowerCase(java.util.Locale.ROOT) + "(" + page + ")";
                        case ACCEPT -> "accept(" + page + ")";
                        case PSC -> "psc_" + to.toLowerCase(java.util.Locale.ROOT) + "(" + page + ")";
                        case PVALIDATE -> "pvalidate(" + conv.cpu() + ", " + via.name() + ", " + page
                                + ", HV_SNP_UNVALIDATED, HV_SNP_VALIDATED)";
                        case RESCIND -> "pvalidate(" + conv.cpu() + ", " + via.name() + ", " + page
                                + ", HV_SNP_VALIDATED, HV_SNP_UNVALIDATED)";
                        case HV_VISIBILITY -> "hv_visibility(" + page + ", "
                                + (target == Attribute.SHARED ? "HV_VTOM_HOST_VISIBLE" : "HV_VTOM_PRIVATE") + ")";
                        case UNMAP_ALIASES, WBINVD -> throw new AssertionError(p);
                    });
                }
            }
        }
        return b.toString();
    }

    /** The owner writes each page, stopping at a fatal outcome. */
    private static String ownerWrite(Converter conv, String value) {
        StringBuilder b = new StringBuilder();
        for (int page : conv.pages()) {
            b.append("if\n:: KIND(c) != K_FATAL -> write(").append(conv.cpu()).append(", ").append(conv.via().name())
                    .append(", ").append(page)
                    .append(", CT_").append(value).append("); worse(r)\n:: else -> skip\nfi;\n");
        }
        return b.toString();
    }

    /** The owner reads each page back as private data: anything but its secret is consumed garbage. */
    private static String ownerRead(Converter conv) {
        StringBuilder b = new StringBuilder();
        for (int page : conv.pages()) {
            b.append("if\n:: KIND(c) != K_FATAL ->\n   read(").append(conv.cpu()).append(", ").append(conv.via().name())
                    .append(", ").append(page)
                    .append(", KERNEL);\n   if :: r == C_OK && cont[").append(page)
                    .append("] != CT_SECRET -> r = C_GARBAGE_CONSUMED :: else -> skip fi;\n   worse(r)\n:: else -> skip\nfi;\n");
        }
        return b.toString();
    }

    // ---- zeropad readers and hosts

    private void reader(StringBuilder out, int i) {
        ZeropadReader rd = scenario.readers().get(i);
        // the load starts in a page its caller may use (the lazy alias's live neighbour is the direct map)
        // and strays into the next page through its own mapping
        String body = "read(" + rd.cpu() + ", " + rd.firstPageMapping().name() + ", " + rd.page() + ", KERNEL);\n"
                + "if :: r == C_OK -> read(" + rd.cpu() + ", " + rd.via().name() + ", " + (rd.page() + 1)
                + ", ZEROPAD) :: else -> skip fi;\n"
                + "if :: r != C_OK -> happen(r) :: else -> skip fi;\n"
                + "rdone[" + i + "] = 1; rout[" + i + "] = r";
        option(out, rd.name() + " (CPU" + rd.cpu() + "): load_unaligned_zeropad() from page " + rd.page()
                + " across into page " + (rd.page() + 1) + " through the " + rd.via().label() + " mapping",
                "!rdone[" + i + "]", body);
    }

    private void host(StringBuilder out, int i) {
        HostActor h = scenario.hosts().get(i);
        String shared = "HV_IS_SHARED(hv[" + h.page() + "])";
        if (h.reads()) {
            option(out, h.name() + " (host) reads page " + h.page() + " while the platform has it shared",
                    shared + " && cont[" + h.page() + "] == CT_SECRET && !(events & (1 << C_SECRET_TO_HOST))",
                    "happen(C_SECRET_TO_HOST)");
        }
        if (h.writes()) {
            option(out, h.name() + " (host) writes page " + h.page() + " while the platform has it shared",
                    shared + " && cont[" + h.page() + "] != CT_HOST_DATA", "cont[" + h.page() + "] = CT_HOST_DATA");
        }
    }

    // ---- the hardware, at any time

    private void hardware(StringBuilder out) {
        int cpus = scenario.cpus();
        int pages = scenario.pages();
        int mappings = scenario.mappingCount();
        int pteMappings = PromelaExport.pteMappings(scenario);
        if (scenario.hardwareOn(HardwareAction.TLB_FILL)) {
            for (int cpu = 0; cpu < cpus; cpu++) {
                for (int m = 0; m < pteMappings; m++) {
                    for (int page = 0; page < pages; page++) {
                        String t = "tlb[TLB(" + cpu + ", " + m + ", " + page + ")]";
                        String p = "pte[PTE(" + m + ", " + page + ")]";
                        option(out, "hardware: speculative TLB fill, CPU" + cpu + " mapping " + m + " page " + page
                                + " (only from a present PTE, SDM Vol. 3A 4.10.2.3)",
                                t + " == T_NONE && (" + p + " & 2)", t + " = (" + p + " & 1) + 1");
                    }
                }
            }
        }
        if (scenario.hardwareOn(HardwareAction.TLB_EVICT)) {
            for (int cpu = 0; cpu < cpus; cpu++) {
                for (int m = 0; m < mappings; m++) {
                    for (int page = 0; page < pages; page++) {
                        String t = "tlb[TLB(" + cpu + ", " + m + ", " + page + ")]";
                        option(out, "hardware: TLB eviction, CPU" + cpu + " mapping " + m + " page " + page,
                                t + " != T_NONE", t + " = T_NONE");
                    }
                }
            }
        }
        for (int page = 0; page < pages; page++) {
            for (String key : new String[] {"PRIVATE", "SHARED"}) {
                String line = "lines[LINE(" + page + ", " + key + ")]";
                if (scenario.hardwareOn(HardwareAction.CACHE_FILL)) {
                    option(out, "hardware: speculative cache fill, page " + page + " " + key.toLowerCase(java.util.Locale.ROOT)
                                    + " key (through a translation some CPU could use)",
                            line + " == L_NONE && (" + translationExists(page, key) + ")", line + " = L_CLEAN");
                }
                if (scenario.hardwareOn(HardwareAction.WRITEBACK)) {
                    option(out, "hardware: eviction (a dirty line: write-back), page " + page + " "
                            + key.toLowerCase(java.util.Locale.ROOT) + " key", line + " != L_NONE", "writeback(" + page + ", " + key + ")");
                }
            }
        }
    }

    /** Whether any CPU has a translation of {@code page} with attribute {@code key}, through any mapping. */
    private String translationExists(int page, String key) {
        int pteMappings = PromelaExport.pteMappings(scenario);
        StringBuilder b = new StringBuilder();
        for (int cpu = 0; cpu < scenario.cpus(); cpu++) {
            for (int m = 0; m < scenario.mappingCount(); m++) {
                b.append(b.length() == 0 ? "" : " || ").append(PromelaProperties.effective(cpu, m, page, m < pteMappings)).append(" == ").append(key);
            }
        }
        return b.toString();
    }
}
