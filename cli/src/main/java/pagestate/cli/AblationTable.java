package pagestate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pagestate.model.cpu.Primitive;
import pagestate.reports.Actual;
import pagestate.reports.PropertyReport;
import pagestate.reports.TextWrap;
import pagestate.reports.SpecReport;

/** The verdicts of every ablation variant against the original, and the conclusions drawn from them. */
final class AblationTable {

    /** One variant's row: its edit, its resulting steps, the selected verdicts and its first new violation. */
    record Row(String edit, Ablation.Kind kind, String steps, List<PropertyReport> selected, PropertyReport firstNew,
               boolean changed, boolean complete) { }

    private final List<Ablation.Variant> variants;
    private final List<String> properties;
    private final List<Row> rows = new ArrayList<>();

    AblationTable(List<Ablation.Variant> variants, List<SpecReport> reports, List<String> properties) {
        this.variants = variants;
        this.properties = List.copyOf(properties);
        List<PropertyReport> original = select(reports.get(0));
        for (int i = 0; i < variants.size(); i++) {
            Ablation.Variant v = variants.get(i);
            List<PropertyReport> sel = select(reports.get(i));
            PropertyReport firstNew = null;
            boolean changed = false;
            for (int k = 0; k < sel.size(); k++) {
                if (sel.get(k).actual() != original.get(k).actual()) changed = true;
                if (firstNew == null && sel.get(k).actual() == Actual.VIOLATED && original.get(k).actual() == Actual.HOLDS) {
                    firstNew = sel.get(k);
                }
            }
            boolean complete = sel.stream().noneMatch(p -> p.actual() == Actual.UNKNOWN);
            rows.add(new Row(v.edit(), v.kind(), stepsOf(v), sel, firstNew, changed, complete));
        }
    }

    private List<PropertyReport> select(SpecReport r) {
        List<PropertyReport> out = new ArrayList<>();
        for (String name : properties) {
            out.add(r.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow());
        }
        return out;
    }

    private static String stepsOf(Ablation.Variant v) {
        var sc = v.spec().scenario();
        List<String> parts = new ArrayList<>();
        for (var c : sc.converters()) {
            for (var ph : c.phases()) parts.add(String.join(" ", ph.steps().stream().map(Primitive::specName).toList()));
        }
        return String.join(" | ", parts);
    }

    List<Row> rows() { return rows; }
    List<String> properties() { return properties; }

    boolean complete() {
        return rows.stream().allMatch(Row::complete);
    }

    void print(PrintWriter out) {
        out.println("Spec: " + variants.get(0).spec().name() + " (" + variants.get(0).spec().scenario().platform().specName() + ")");
        out.println("Steps: " + rows.get(0).steps());
        for (String line : TextWrap.wrap("Properties: " + String.join(", ", properties) + "   (* = differs from the"
                + " original)", Table.WIDTH, "", "    ")) out.println(line);
        List<String> violates = originalViolates();
        if (!violates.isEmpty()) {
            out.println("The original already violates " + String.join(", ", violates) + ";");
            out.println(kept().isEmpty() ? "it keeps none of these properties: nothing below can show a step redundant."
                    : "conclusions rest only on what it keeps: " + String.join(", ", kept()) + ".");
        }
        out.println();
        // full edits (never cut); the first new violation goes under its row, wrapped to 100 columns
        int width = Math.max(4, Math.min(rows.stream().mapToInt(r -> r.edit().length()).max().orElse(4),
                Table.WIDTH - 4 - 10 * properties.size()));
        StringBuilder head = new StringBuilder(String.format("%-3s %-" + width + "s", "#", "EDIT"));
        for (int k = 0; k < properties.size(); k++) head.append(String.format(" %-9s", "P" + (k + 1)));
        out.println(head.toString().stripTrailing());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String number = String.valueOf(i);
            String edit = r.edit();
            if (edit.length() > width) {
                for (String line : TextWrap.wrap(edit, Table.WIDTH, String.format("%-3d ", i), "    ")) out.println(line);
                number = "";
                edit = "";
            }
            StringBuilder b = new StringBuilder(String.format("%-3s %-" + width + "s", number, edit));
            for (int k = 0; k < r.selected().size(); k++) {
                PropertyReport p = r.selected().get(k);
                boolean diff = i > 0 && p.actual() != rows.get(0).selected().get(k).actual();
                b.append(String.format(" %-9s", p.actual().word() + (diff ? "*" : "")));
            }
            out.println(b.toString().stripTrailing());
            if (r.firstNew() != null) {
                String first = "first new violation: " + r.firstNew().name() + " (" + r.firstNew().trace().steps().size()
                        + " steps): " + Objects.toString(r.firstNew().outcome(), "");
                for (String line : TextWrap.wrap(first, Table.WIDTH, "    ", "      ")) out.println(line);
            }
        }
        out.println();
        for (int k = 0; k < properties.size(); k++) out.println("P" + (k + 1) + " = " + properties.get(k));
        out.println();
        out.println("Conclusions (within this spec's bounds, for the properties above):");
        for (Map.Entry<String, List<String>> e : conclusions().entrySet()) {
            if (e.getValue().isEmpty()) continue;
            out.println("  " + e.getKey() + ":");
            for (String line : e.getValue()) out.println("    - " + line);
        }
    }

    /** The selected properties the original violates, each with what the spec expects of it. */
    List<String> originalViolates() {
        List<String> out = new ArrayList<>();
        for (PropertyReport p : rows.get(0).selected()) {
            if (p.actual() != Actual.VIOLATED) continue;
            var e = variants.get(0).spec().expectation(p.name());
            out.add(p.name() + (e.isEmpty() ? "" : e.get().holds() ? " (the spec expects it to hold)" : " (as the spec expects)"));
        }
        return out;
    }

    /** The selected properties the original keeps (holds): the only ground for redundant, safe and free. */
    List<String> kept() {
        return rows.get(0).selected().stream().filter(p -> p.actual() == Actual.HOLDS).map(PropertyReport::name).toList();
    }

    /**
     * Plain-word conclusions, by heading. "Redundant", "safe" and "free" rest only on the properties the
     * original keeps: a variant that still violates what the original violates shows nothing (issue 19).
     */
    Map<String, List<String>> conclusions() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        List<String> kept = kept();
        boolean partial = kept.size() < properties.size();
        String keeps = partial ? " (keeps " + String.join(", ", kept) + " holding)" : "";
        List<String> original = new ArrayList<>();
        for (String v : originalViolates()) original.add(v);
        if (!original.isEmpty()) {
            original.add(kept.isEmpty()
                    ? "it keeps none of them: no step is shown redundant, no merge safe, no order free;"
                    + " see pagestate repair"
                    : "the conclusions below rest only on what it keeps: " + String.join(", ", kept));
        }
        List<String> necessary = new ArrayList<>();
        List<String> redundant = new ArrayList<>();
        List<String> harmful = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> free = new ArrayList<>();
        List<String> helps = new ArrayList<>();
        List<String> merge = new ArrayList<>();
        Map<String, List<String>> moves = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            String what = r.edit().replaceFirst("^(drop|swap|merge|move) ", "");
            if (!r.complete()) {
                unknown.add(r.edit() + ": a limit left a verdict unknown");
                continue;
            }
            boolean better = r.changed() && r.firstNew() == null;
            boolean neutral = r.firstNew() == null && !r.changed() && !kept.isEmpty();
            switch (r.kind()) {
                case DROP -> {
                    if (r.firstNew() != null) necessary.add(what + " is necessary: without it " + describe(r.firstNew()));
                    else if (better) harmful.add("dropping " + what + " changes a verdict for the better: " + fixed(r));
                    else if (neutral) redundant.add(what + " is redundant: dropping it changes no verdict" + keeps);
                }
                case SWAP -> {
                    String pair = what.replace(" and ", " before ");
                    if (r.firstNew() != null) order.add(pair + ": swapping them " + describe(r.firstNew()));
                    else if (better) helps.add("swapping " + what + " changes a verdict for the better: " + fixed(r));
                    else if (neutral) free.add(what + " may run in either order" + keeps);
                }
                case MERGE -> {
                    if (r.firstNew() != null) merge.add(what + " breaks: " + describe(r.firstNew()));
                    else if (better) merge.add("merging " + what + " changes a verdict for the better: " + fixed(r));
                    else if (neutral) merge.add("merging " + what + " keeps every verdict: the merge is safe" + keeps);
                }
                case MOVE -> {
                    String flush = what.substring(0, what.indexOf(' '));
                    String to = what.substring(what.indexOf(' ') + 1).replaceAll(" \\(.*$", "");
                    List<String> list = moves.computeIfAbsent(flush, k -> new ArrayList<>(List.of("", "", "")));
                    int slot = r.firstNew() != null ? 1 : better ? 2 : neutral ? 0 : -1;
                    if (slot < 0) continue;
                    String item = slot == 2 ? to + " (" + fixed(r) + ")" : to;
                    list.set(slot, list.get(slot) + (list.get(slot).isEmpty() ? "" : "; ") + item);
                }
                default -> { }
            }
        }
        c.put("the original already violates", original);
        c.put("necessary steps", necessary);
        c.put("redundant steps", redundant);
        c.put("steps whose removal helps", harmful);
        c.put("forced orders", order);
        c.put("free orders", free);
        c.put("swaps that help", helps);
        c.put("merge", merge);
        List<String> moveLines = new ArrayList<>();
        for (var e : moves.entrySet()) {
            if (!e.getValue().get(0).isEmpty()) moveLines.add(e.getKey() + " may also go " + e.getValue().get(0) + keeps);
            if (!e.getValue().get(1).isEmpty()) moveLines.add(e.getKey() + " must not go " + e.getValue().get(1));
            if (!e.getValue().get(2).isEmpty()) moveLines.add(e.getKey() + " does better " + e.getValue().get(2));
        }
        c.put("flush positions", moveLines);
        c.put("incomplete", unknown);
        return c;
    }

    private static String describe(PropertyReport p) {
        return p.name() + " is violated (" + Objects.toString(p.outcome(), "") + ")";
    }

    private String fixed(Row r) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < r.selected().size(); k++) {
            if (r.selected().get(k).actual() != rows.get(0).selected().get(k).actual()) {
                names.add(r.selected().get(k).name() + " " + rows.get(0).selected().get(k).actual().word() + " -> "
                        + r.selected().get(k).actual().word());
            }
        }
        return String.join(", ", names);
    }

}
