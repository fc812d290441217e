package pagestate.model.cpu;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a piece of a state came from, found by reading the trace backwards: the last shown step that
 * changed it, or the initial state. Nothing of this is stored in the states; shown steps count from 1.
 */
final class Provenance {

    private final PageModel model;
    private final PageState initial;
    private final List<TraceBeats.Beat> beats;

    Provenance(PageModel model, PageState initial, List<TraceBeats.Beat> beats) {
        this.model = model;
        this.initial = initial;
        this.beats = beats;
    }

    /** The state after shown step {@code k} (the initial state for 0). */
    PageState state(int k) {
        return k == 0 ? initial : beats.get(k - 1).after();
    }

    /** Shown step {@code j} (from 1). */
    TraceBeats.Beat beat(int j) {
        return beats.get(j - 1);
    }

    /** The last step in 1..k that changed {@code f}, or 0 when it is as in the initial state. */
    int since(int k, Function<PageState, Object> f) {
        for (int j = k; j >= 1; j--) {
            TraceBeats.Beat b = beats.get(j - 1);
            if (!Objects.equals(f.apply(b.before()), f.apply(b.after()))) return j;
        }
        return 0;
    }

    /** "since step 4 (flip)" or "since the initial state". */
    String sinceText(int j) {
        return j == 0 ? "since the initial state" : "since step " + name(j);
    }

    /** "4 (flip)": a shown step's number and short name. */
    String name(int j) {
        return j + " (" + label(beats.get(j - 1)) + ")";
    }

    /** The converter operation a shown step ran, or null when it is not a converter's program step. */
    ConverterProgram.Op op(TraceBeats.Beat b) {
        if (b.split() || b.action().actor() >= model.programs().size()) return null;
        int i = b.action().actor();
        ConverterState cs = b.before().converter(i);
        ConverterProgram prog = model.programs().get(i);
        if (cs.status() != ConverterState.Status.RUNNING || cs.pc() >= prog.size()) return null;
        return prog.ops().get(cs.pc());
    }

    private String label(TraceBeats.Beat b) {
        if (b.split()) return "speculative TLB fill";
        ConverterProgram.Op op = op(b);
        if (op != null && op.kind() == ConverterProgram.Op.Kind.STEP) return op.primitive().specName();
        if (op != null) return op.kind() == ConverterProgram.Op.Kind.OWNER_READ ? "owner read" : "owner write";
        String text = b.action().description();
        if (b.action().lane().equals("hardware")) return text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        return b.action().actorName();
    }

    /** "TLB entry direct[p1] (private, since the initial state)" or "(..., filled at step 3 (...))". */
    String tlbEntry(int k, int cpu, Mapping m, int page) {
        TlbEntry t = state(k).tlb(cpu, m, page);
        int j = since(k, s -> s.tlb(cpu, m, page));
        return "TLB entry " + m.label() + "[p" + page + "] (" + t.lower() + ", "
                + (j == 0 ? "since the initial state" : "filled at step " + name(j)) + ")";
    }

    /**
     * Why an entry holding {@code attribute} at step {@code k} is stale, or null when it still matches its
     * PTE: "PTE direct[p1] is shared since step 4 (flip) and no TLB flush ran after step 4".
     */
    String staleness(int k, Mapping m, int page, Attribute attribute) {
        PageState s = state(k);
        Pte pte = s.pte(m, page);
        String where = m.label() + "[p" + page + "]";
        if (pte == null) {
            return "the lazy alias " + where + " has no PTE any more, and no unmap_aliases ran since";
        }
        int j;
        String what;
        if (pte.attribute() != attribute) {
            j = since(k, st -> st.pte(m, page).attribute());
            what = "PTE " + where + " is " + pte.attribute().lower();
        } else if (!pte.present()) {
            j = since(k, st -> st.pte(m, page).present());
            what = "PTE " + where + " is not present";
        } else {
            return null;
        }
        return what + " " + sinceText(j) + (j == 0 ? "" : " and no TLB flush ran after step " + j);
    }

    /** "page 1 is shared since step 5 (map_gpa)". */
    String platformPage(int k, int page) {
        int j = since(k, s -> s.hv(page));
        return "page " + page + " is " + state(k).hv(page).label() + " (" + model.scenario().platform().name()
                + ") " + sinceText(j);
    }

    /** "PTE direct[p1] is not present since step 3 (clear_present)", "... is present shared since ...". */
    String pte(int k, Mapping m, int page) {
        return "PTE " + m.label() + "[p" + page + "] is " + pteState(k, m, page);
    }

    /** "present shared since step 4 (flip)" or "not present since step 3 (clear_present)". */
    String pteState(int k, Mapping m, int page) {
        Pte pte = state(k).pte(m, page);
        int j = since(k, s -> s.pte(m, page));
        return (pte.present() ? "present " + pte.attribute().lower() : "not present") + " " + sinceText(j);
    }
}
