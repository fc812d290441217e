package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.List;

/** Human-readable text of states and of what a step changed (for traces and reports). */
public final class StateText {

    private StateText() { }

    /** Every piece of the state, one short line each. */
    public static String describe(PageState s) {
        List<String> lines = new ArrayList<>();
        Layout l = s.layout();
        for (int page = 0; page < l.pages(); page++) {
            StringBuilder b = new StringBuilder("page " + page + ": " + s.hv(page).label() + ", " + s.contents(page).lower()
                    + ", cache " + s.cache(page));
            for (Mapping m : l.mappingList()) {
                Pte pte = s.pte(m, page);
                if (pte != null) b.append(", PTE ").append(m.label()).append(' ').append(pte);
            }
            lines.add(b.toString());
        }
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            StringBuilder b = new StringBuilder("CPU" + cpu + " TLB:");
            for (Mapping m : l.mappingList()) {
                for (int page = 0; page < l.pages(); page++) {
                    b.append(' ').append(m.label()).append("[p").append(page).append("]=").append(s.tlb(cpu, m, page).lower());
                }
            }
            lines.add(b.toString());
        }
        for (int i = 0; i < s.converterCount(); i++) lines.add("converter " + i + ": " + s.converter(i));
        for (int i = 0; i < s.readerCount(); i++) lines.add("reader " + i + ": " + s.reader(i));
        if (s.crashed()) lines.add("crashed: " + s.crash().description());
        return String.join("\n", lines);
    }

    /** Only what differs between {@code before} and {@code after}, one item each. */
    public static List<String> changes(PageModel model, PageState before, PageState after) {
        List<String> out = new ArrayList<>();
        Layout l = before.layout();
        String platform = model.scenario().platform().name();
        for (int page = 0; page < l.pages(); page++) {
            for (Mapping m : l.mappingList()) {
                Pte a = before.pte(m, page);
                Pte b = after.pte(m, page);
                if (a == null) continue;
                String where = "PTE " + m.label() + "[p" + page + "]";
                if (a.present() != b.present()) out.add(where + ": present " + (a.present() ? "1->0" : "0->1"));
                if (a.attribute() != b.attribute()) out.add(where + ": " + a.attribute().lower() + " -> " + b.attribute().lower());
            }
        }
        for (int cpu = 0; cpu < l.cpus(); cpu++) {
            for (Mapping m : l.mappingList()) {
                for (int page = 0; page < l.pages(); page++) {
                    TlbEntry a = before.tlb(cpu, m, page);
                    TlbEntry b = after.tlb(cpu, m, page);
                    if (a != b) out.add("TLB CPU" + cpu + " " + m.label() + "[p" + page + "]: " + a.lower() + " -> " + b.lower());
                }
            }
        }
        for (int page = 0; page < l.pages(); page++) {
            for (Attribute key : Attribute.values()) {
                Line a = before.cache(page).get(key);
                Line b = after.cache(page).get(key);
                if (a != b) out.add("cache p" + page + " " + key.lower() + "-key line: " + a.lower() + " -> " + b.lower());
            }
            if (before.hv(page) != after.hv(page)) {
                out.add(platform + " p" + page + ": " + before.hv(page).label() + " -> " + after.hv(page).label());
            }
            if (before.contents(page) != after.contents(page)) {
                out.add("contents p" + page + ": " + before.contents(page).lower() + " -> " + after.contents(page).lower());
            }
        }
        for (int i = 0; i < before.converterCount(); i++) {
            ConverterState a = before.converter(i);
            ConverterState b = after.converter(i);
            if (a.status() != b.status()) {
                out.add(model.scenario().converters().get(i).name() + ": " + b.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        for (int i = 0; i < before.readerCount(); i++) {
            if (!before.reader(i).done() && after.reader(i).done()) {
                out.add(model.scenario().readers().get(i).name() + " returned: " + after.reader(i).outcome().label());
            }
        }
        if (!before.crashed() && after.crashed()) out.add("guest died: " + after.crash().description());
        return out;
    }
}
