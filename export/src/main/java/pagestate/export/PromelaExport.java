package pagestate.export;

import java.util.List;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Attribute;
import pagestate.model.cpu.Content;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.HvPage;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Scenario;

/**
 * A spec of the cpu system as a self-contained Promela model for SPIN, with the same state graph as
 * pagestate's unreduced search: the same state variables (PTEs, TLB entries, key-tagged lines, the
 * platform's page state, contents, every actor's progress, the sticky events and the fatal outcome),
 * one SPIN transition per pagestate action, and nothing after a fatal outcome. SPIN counts one more
 * state than pagestate, the one before its initialisation step. Each safety property the spec checks
 * is an assertion selected with {@code -DCHECK_<property>}; liveness is not exported.
 */
public final class PromelaExport {

    private final Scenario scenario;
    private final String title;
    private final List<PropertyName> properties;

    /**
     * @param scenario   the spec's system
     * @param title      one line naming the spec (its file and description), for the header
     * @param properties the properties the spec checks; those that are liveness properties are left out
     */
    public PromelaExport(Scenario scenario, String title, List<PropertyName> properties) {
        this.scenario = scenario;
        this.title = title;
        this.properties = properties.stream().filter(PromelaProperties::exported).toList();
    }

    /** The safety properties the export asserts (each selected by {@code -DCHECK_<spec name>}). */
    public List<PropertyName> properties() {
        return properties;
    }

    /** The Promela model. */
    public String promela() {
        StringBuilder out = new StringBuilder();
        header(out);
        PromelaRules rules = new PromelaRules(scenario.platform(), scenario.options(),
                scenario.mappings().contains(Mapping.LAZY));
        bounds(out);
        rules.constants(out);
        state(out);
        rules.inlines(out);
        checks(out);
        main(out);
        return out.toString();
    }

    private void header(StringBuilder out) {
        out.append("/*\n * ").append(title).append("\n * Exported by pagestate for SPIN (platform ")
                .append(scenario.platform().specName()).append(").\n *\n")
                .append(" * Build and run (exhaustive, no reduction; -o2 keeps write-only variables, as pagestate does):\n")
                .append(" *   spin -a -o2 model.pml && cc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c && ./pan -m1000000\n")
                .append(" * With one property asserted, e.g. -DCHECK_no_fatal on the cc line; a violation leaves a trail:\n")
                .append(" *   spin -t -p model.pml      (each step prints its state after \"@S\", for pagestate to replay)\n")
                .append(" * SPIN counts one state more than pagestate (the one before the initialisation step) and\n")
                .append(" * two transitions more (that step, and its own count of the root).\n")
                .append(" * Liveness properties (conversion_completes, zeropad_returns_eventually) are not exported.\n */\n\n");
    }

    private void bounds(StringBuilder out) {
        int cpus = scenario.cpus();
        int pages = scenario.pages();
        List<Mapping> kinds = scenario.mappings();
        out.append("/* ---- bounds */\n")
                .append("#define NCPU ").append(cpus).append('\n')
                .append("#define NPAGES ").append(pages).append('\n')
                .append("#define NMAP ").append(kinds.size()).append("            /* the spec's mappings, numbered: */\n");
        for (int m = 0; m < kinds.size(); m++) {
            out.append("#define ").append(kinds.get(m).name()).append(' ').append(m).append("   /* ")
                    .append(kinds.get(m).label()).append(" */\n");
        }
        out.append("#define NPTEMAP ").append(pteMappings(scenario)).append("         /* those with a PTE come first (the lazy alias has none) */\n")
                .append("#define HAS_PTE(m) ((m) < NPTEMAP)\n")
                .append("#define PTE(m, page) ((m) * NPAGES + (page))\n")
                .append("#define TLB(cpu, m, page) (((cpu) * NMAP + (m)) * NPAGES + (page))\n")
                .append("#define LINE(page, key) ((page) * 2 + (key))\n\n");
    }

    /** The mappings with a PTE: they come first in a spec's list. */
    static int pteMappings(Scenario scenario) {
        return (int) scenario.mappings().stream().filter(Mapping::hasPte).count();
    }

    private void state(StringBuilder out) {
        int convs = scenario.converters().size();
        int readers = scenario.readers().size();
        out.append("\n/* ---- the state (pagestate's, field by field) */\n")
                .append("byte pte[NPTEMAP * NPAGES];     /* bit 1 PRESENT, bit 0 the attribute */\n")
                .append("byte tlb[NCPU * NMAP * NPAGES];  /* T_NONE, or the cached attribute + 1 */\n")
                .append("byte lines[NPAGES * 2];          /* per page and key: L_NONE, L_CLEAN, L_DIRTY */\n")
                .append("byte hv[NPAGES];                 /* the platform's page state (HV_...) */\n")
                .append("byte cont[NPAGES];               /* what the page holds (CT_...) */\n");
        if (convs > 0) {
            out.append("byte cpc[").append(convs).append("];    /* each converter's program counter */\n")
                    .append("byte cst[").append(convs).append("];    /* its status (S_...) */\n")
                    .append("byte clast[").append(convs).append("];  /* the outcome of its last operation (C_...) */\n");
        }
        if (readers > 0) {
            out.append("bool rdone[").append(readers).append("];  /* each zeropad reader has run */\n")
                    .append("byte rout[").append(readers).append("];  /* and its outcome */\n");
        }
        out.append("int events;                       /* what happened on this path: bit C_x (sticky) */\n")
                .append("byte crash;                       /* 0, or the fatal outcome that ended the guest + 1 */\n")
                ;
    }

    private void checks(StringBuilder out) {
        PromelaProperties props = new PromelaProperties(scenario,
                switch (scenario.platform()) {
                    case TDX -> false;
                    case SNP -> scenario.options().smeCoherent();
                    case VTOM -> true;
                });
        out.append("\n/* ---- the spec's safety properties: compile with -DCHECK_<name> to assert one */\n");
        for (PropertyName p : properties) {
            out.append("#ifdef CHECK_").append(p.specName()).append("\n/* ").append(p.specName()).append(": ")
                    .append(p.description()).append(" */\n#define INVARIANT (").append(props.invariant(p)).append(")\n#endif\n");
        }
        out.append("""

                /* In a simulation or a trail replay, the state after a step (pagestate replays it). */
                inline print_state() {
                  printf("@S");
                  for (k : 0 .. NPTEMAP * NPAGES - 1) { printf(" %d", pte[k]) }
                  for (k : 0 .. NCPU * NMAP * NPAGES - 1) { printf(" %d", tlb[k]) }
                  for (k : 0 .. NPAGES * 2 - 1) { printf(" %d", lines[k]) }
                  for (k : 0 .. NPAGES - 1) { printf(" %d %d", hv[k], cont[k]) }
                """);
        int convs = scenario.converters().size();
        int readers = scenario.readers().size();
        if (convs > 0) out.append("  for (k : 0 .. ").append(convs - 1).append(") { printf(\" %d %d %d\", cpc[k], cst[k], clast[k]) }\n");
        if (readers > 0) out.append("  for (k : 0 .. ").append(readers - 1).append(") { printf(\" %d %d\", rdone[k], rout[k]) }\n");
        out.append("  printf(\" %d %d\\n\", events, crash)\n}\n\n");
        out.append("""
                /* After every step (and the initial one): the selected assertion, and the state. */
                inline step_done() {
                #ifdef INVARIANT
                  assert(INVARIANT);
                #endif
                  print_state();
                  attr = 0; r = 0; c = 0; i = 0; j = 0; k = 0   /* the scratch is 0 between steps */
                }

                """);
        out.append("""
                /* The end of a converter's operation: its outcome is recorded (a fatal one ends the guest). */
                inline finish(n, pc, status) {
                  if
                  :: c != C_OK -> happen(c)
                  :: else -> skip
                  fi;
                  cpc[n] = pc; cst[n] = status; clast[n] = c
                }
                """);
    }

    private void main(StringBuilder out) {
        out.append("\nactive proctype system() {\n")
                .append("  byte attr, r, c, i, j, k;   /* the scratch of one step, always 0 between steps */\n")
                .append("  /* the initial state: every page settled in its converter's starting attribute (other pages\n")
                .append("     private), every PTE present, every TLB warm (the lazy alias's entries linger), caches empty */\n")
                .append("  d_step {\n");
        for (int page = 0; page < scenario.pages(); page++) {
            Converter c = scenario.converterOf(page);
            Attribute a = c == null ? Attribute.PRIVATE : c.initialAttribute();
            String attr = a == Attribute.PRIVATE ? "PRIVATE" : "SHARED";
            out.append("    hv[").append(page).append("] = HV_").append(HvPage.settled(scenario.platform(), a).name())
                    .append("; cont[").append(page).append("] = CT_")
                    .append((a == Attribute.PRIVATE ? Content.SECRET : Content.HOST_DATA).name()).append(";\n");
            for (int m = 0; m < pteMappings(scenario); m++) {
                out.append("    pte[PTE(").append(m).append(", ").append(page).append(")] = 2 | ").append(attr).append(";\n");
            }
            out.append("    for (i : 0 .. NCPU - 1) { for (j : 0 .. NMAP - 1) { tlb[TLB(i, j, ").append(page)
                    .append(")] = ").append(attr).append(" + 1 } }\n");
        }
        out.append("    step_done()\n  }\n")
                .append("end:\n  do\n");
        new PromelaActions(scenario).options(out);
        out.append("  od\n}\n");
    }
}
