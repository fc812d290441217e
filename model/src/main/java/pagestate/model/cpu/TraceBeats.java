package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a trace as they are shown: the trace's own steps, with the TLB fills in a converter's
 * step split off as hardware steps. Fills its page walks made (from a PTE present before it) go just
 * before it (a speculative fill from the same present PTE caches the same entry, SDM Vol. 3A 4.10.2.3),
 * kept only when the action, replayed on the state with the fills, reaches the same state; fills of a
 * saturated stored state from what the step wrote go just after it, when the action replayed on the
 * state before reaches the state without them. So the path shown is a real one.
 */
final class TraceBeats {

    /**
     * One shown step: {@code action} is the trace's action, or null for a split-off fill (then
     * {@code text} says what it filled); {@code source} indexes the trace step it belongs to.
     */
    record Beat(PageAction action, String text, PageState before, PageState after, int source) {
        boolean split() { return action == null; }
    }

    private TraceBeats() { }

    static List<Beat> of(PageModel model, PageState initial, List<PageAction> actions, List<PageState> states) {
        List<Beat> beats = new ArrayList<>();
        PageState before = initial;
        for (int i = 0; i < actions.size(); i++) {
            PageAction a = actions.get(i);
            PageState after = states.get(i);
            PageState filled = a.actor() < model.programs().size() ? prefilled(before, after) : before;
            if (filled != before && sameStep(model, filled, a, after)) {
                beats.add(new Beat(null, fillText(before, filled), before, filled, i));
                before = filled;
            }
            PageState own = a.actor() < model.programs().size() ? replayed(model, before, a) : null;
            if (own != null && !own.equals(after) && prefilled(own, after).equals(after)) {
                // the stored state also holds fills from what the step wrote (a saturated state): after it
                beats.add(new Beat(a, a.description(), before, own, i));
                beats.add(new Beat(null, fillText(own, after), own, after, i));
            } else {
                beats.add(new Beat(a, a.description(), before, after, i));
            }
            before = after;
        }
        return beats;
    }

    /** {@code before} with the entries that went from none to what a fill from their present PTE caches; or before. */
    private static PageState prefilled(PageState before, PageState after) {
        Layout l = before.layout();
        PageState.Editor e = null;
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                for (int page = 0; page < l.pages(); page++) {
                    TlbEntry now = after.tlb(cpu, m, page);
                    if (before.tlb(cpu, m, page) != TlbEntry.NONE || now == TlbEntry.NONE) continue;
                    if (Hardware.fillFrom(before.pte(m, page)) != now) continue;
                    if (e == null) e = before.edit();
                    e.tlb(cpu, m, page, now);
                }
            }
        }
        return e == null ? before : e.done();
    }

    /** The state {@code a} (same actor, same text) reaches from {@code from}, or null when it is not enabled there. */
    private static PageState replayed(PageModel model, PageState from, PageAction a) {
        PageState[] found = {null};
        model.successors(from, (b, next) -> {
            if (found[0] == null && b.actor() == a.actor() && b.description().equals(a.description())) found[0] = next;
        });
        return found[0];
    }

    /** Whether {@code a}, taken from {@code from}, reaches {@code after} (same actor, same text). */
    private static boolean sameStep(PageModel model, PageState from, PageAction a, PageState after) {
        boolean[] found = {false};
        model.successors(from, (b, next) -> {
            if (b.actor() == a.actor() && b.description().equals(a.description()) && next.equals(after)) found[0] = true;
        });
        return found[0];
    }

    private static String fillText(PageState before, PageState filled) {
        List<String> entries = new ArrayList<>();
        Layout l = before.layout();
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                for (int page = 0; page < l.pages(); page++) {
                    if (before.tlb(cpu, m, page) != filled.tlb(cpu, m, page)) {
                        entries.add("CPU" + cpu + " " + m.label() + "[p" + page + "] <- " + filled.tlb(cpu, m, page).lower());
                    }
                }
            }
        }
        return "speculative TLB fill: " + String.join(", ", entries);
    }
}
