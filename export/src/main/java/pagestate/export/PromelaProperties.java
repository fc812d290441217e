package pagestate.export;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Attribute;
import pagestate.model.cpu.ConverterProgram;
import pagestate.model.cpu.Scenario;

/**
 * The cpu system's safety properties as Promela state expressions, one {@code #define}-selected
 * assertion each (docs/model.md section 6). Liveness properties are not exported.
 */
final class PromelaProperties {

    private final Scenario scenario;
    private final List<ConverterProgram> programs;
    private final boolean coherent;

    PromelaProperties(Scenario scenario, boolean coherent) {
        this.scenario = scenario;
        this.programs = scenario.converters().stream().map(ConverterProgram::new).toList();
        this.coherent = coherent;
    }

    /** Whether {@code name} is a property this export can check (a safety property of the cpu system). */
    static boolean exported(PropertyName name) {
        return !name.isLiveness();
    }

    /** The attribute an access by {@code cpu} through mapping {@code m} would use: TLB, else a present PTE, else NOATTR. */
    static String effective(int cpu, int m, int page, boolean hasPte) {
        String t = "tlb[TLB(" + cpu + ", " + m + ", " + page + ")]";
        String walk = hasPte ? "(HAS_PTE(" + m + ") && (pte[PTE(" + m + ", " + page + ")] & 2) -> pte[PTE(" + m + ", "
                + page + ")] & 1 : NOATTR)" : "NOATTR";
        return "(" + t + " != T_NONE -> " + t + " - 1 : " + walk + ")";
    }

    /** The expression that holds in a state where {@code name} is not violated. */
    String invariant(PropertyName name) {
        int cpus = scenario.cpus();
        int pages = scenario.pages();
        int mappings = scenario.mappingCount();
        int pteMappings = PromelaExport.pteMappings(scenario);
        List<String> all = new ArrayList<>();
        switch (name) {
            case NO_FATAL -> all.add("crash == 0");
            case NO_COCO_EXCEPTION -> all.add("(events & COCO_EVENTS) == 0");
            case ZEROPAD_RETURNS -> {
                for (int i = 0; i < scenario.readers().size(); i++) all.add("!(rdone[" + i + "] && KIND(rout[" + i + "]) == K_FATAL)");
            }
            case TRANSLATIONS_CONSISTENT -> {
                for (int page = 0; page < pages; page++) {
                    for (int m = 0; m < mappings; m++) {
                        if (m < pteMappings) {
                            String p = "pte[PTE(" + m + ", " + page + ")]";
                            all.add("(!(" + p + " & 2) || CONSISTENT(" + p + " & 1, hv[" + page + "]))");
                        }
                        for (int cpu = 0; cpu < cpus; cpu++) {
                            String t = "tlb[TLB(" + cpu + ", " + m + ", " + page + ")]";
                            all.add("(" + t + " == T_NONE || CONSISTENT(" + t + " - 1, hv[" + page + "]))");
                        }
                    }
                }
            }
            case NO_STALE_TLB_AFTER_DONE -> {
                for (int i = 0; i < programs.size(); i++) {
                    Attribute old = programs.get(i).finalAttribute().other();
                    List<String> none = new ArrayList<>();
                    for (int page : programs.get(i).converter().pages()) {
                        for (int cpu = 0; cpu < cpus; cpu++) {
                            for (int m = 0; m < mappings; m++) {
                                none.add("tlb[TLB(" + cpu + ", " + m + ", " + page + ")] != " + (old.ordinal() + 1));
                            }
                        }
                    }
                    all.add("(cst[" + i + "] != S_DONE || (" + String.join(" && ", none) + "))");
                }
            }
            case NO_STALE_DIRTY_LINE -> {
                if (!coherent) {
                    for (int page = 0; page < pages; page++) {
                        all.add("lines[LINE(" + page + ", 1 - HV_KEY(hv[" + page + "]))] != L_DIRTY");
                    }
                }
            }
            case ALIASES_AGREE -> {
                for (int cpu = 0; cpu < cpus; cpu++) {
                    for (int page = 0; page < pages; page++) {
                        for (int a = 0; a < mappings; a++) {
                            for (int b = a + 1; b < mappings; b++) {
                                String ea = effective(cpu, a, page, a < pteMappings);
                                String eb = effective(cpu, b, page, b < pteMappings);
                                all.add("(" + ea + " == NOATTR || " + eb + " == NOATTR || " + ea + " == " + eb + ")");
                            }
                        }
                    }
                }
            }
            case NO_SECRET_TO_HOST -> all.add("!(events & (1 << C_SECRET_TO_HOST))");
            case NO_GARBAGE_CONSUMED -> all.add("!(events & (1 << C_GARBAGE_CONSUMED))");
            case SNP_VALIDATION_ORDER -> all.add(
                    "!(events & ((1 << C_PSC_WHILE_VALIDATED) | (1 << C_PVALIDATE_FAILED) | (1 << C_PF_IN_PVALIDATE)))");
            case FAILED_CONVERSION_NOT_FREED -> all.add("!(events & (1 << C_PAGE_FREED_AFTER_FAILURE))");
            default -> throw new IllegalArgumentException(name.specName() + " is not a safety property of system cpu");
        }
        return all.isEmpty() ? "true" : String.join(" && \\\n    ", all);
    }
}
