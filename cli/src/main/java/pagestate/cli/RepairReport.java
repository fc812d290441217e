package pagestate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;
import pagestate.specs.Spec;

/** Prints what {@code repair} found (at most 100 columns) and gives it as a JSON-ready map. */
final class RepairReport {

    private static final int WIDTH = 100;

    private final Spec spec;
    private final RepairGoal goal;
    private final RepairSearch.Outcome outcome;
    private final int maxDepth;

    RepairReport(Spec spec, RepairGoal goal, RepairSearch.Outcome outcome, int maxDepth) {
        this.spec = spec;
        this.goal = goal;
        this.outcome = outcome;
        this.maxDepth = maxDepth;
    }

    void print(PrintWriter out, int shown) {
        out.println("Spec: " + spec.name() + " (" + spec.scenario().platform().specName() + ")");
        wrap(out, "Goal: ", goal.describe());
        List<String> unmet = goal.unmet(outcome.original());
        if (unmet.isEmpty() && outcome.original().complete()) {
            out.println("The original already meets the goal: nothing to repair.");
            return;
        }
        if (!outcome.original().complete()) {
            out.println("Incomplete: a limit stopped the original's exploration; nothing was searched.");
            return;
        }
        wrap(out, "The original misses it: ", String.join(", ", unmet));
        List<RepairSearch.Fix> fixes = outcome.fixes();
        out.println(String.format("Searched: %s (%.1f s)", searched(), outcome.seconds()));
        out.println();
        for (int i = 0; i < fixes.size() && i < shown; i++) printFix(out, i + 1, fixes.get(i));
        if (fixes.size() > shown) {
            out.println("... and " + (fixes.size() - shown) + " more fixes with as many edits or more added steps"
                    + " (--fixes N shows them, --json lists all)");
        }
        if (outcome.vacuous() > 0) {
            out.println(plural(outcome.vacuous(), "candidate") + " met the goal only because no interleaving"
                    + " converts the pages any more: not fixes.");
        }
        if (fixes.isEmpty()) {
            if (outcome.complete()) {
                out.println("No fix within " + plural(outcome.searched(), "edit") + ": every candidate misses the goal.");
            } else {
                out.println("Incomplete: stopped by " + outcome.stopReason() + (outcome.searched() == 0
                        ? " before depth 1 was searched to the end: no verdict on any depth."
                        : "; no fix within " + plural(outcome.searched(), "edit") + "."));
            }
        } else if (!outcome.complete()) {
            out.println("Incomplete: stopped by " + outcome.stopReason() + "; the fixes above are verified, but"
                    + " others of as few edits may exist.");
        }
    }

    private String searched() {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < outcome.tried().size(); d++) {
            parts.add("depth " + (d + 1) + ": " + outcome.tried().get(d) + " candidates");
        }
        String more = outcome.fixes().isEmpty() || outcome.tried().size() >= maxDepth ? ""
                : "; depth " + (outcome.tried().size() + 1) + " not needed";
        return String.join(", ", parts) + more + "; " + plural(outcome.fixes().size(), "fix");
    }

    private void printFix(PrintWriter out, int n, RepairSearch.Fix fix) {
        RepairCandidate c = fix.candidate();
        int added = c.added();
        out.println("Fix " + n + " (" + plural(c.edits().size(), "edit") + ", "
                + (added >= 0 ? plural(added, "step") + " added" : plural(-added, "step") + " removed") + "):");
        for (RepairCandidate.Applied a : c.edits()) out.println("  " + a.words());
        Scenario sc = spec.scenario();
        List<int[]> slots = RepairCandidate.slots(sc);
        RepairCandidate root = RepairCandidate.original(sc);
        for (int k = 0; k < slots.size(); k++) {
            if (root.lists().get(k).equals(c.lists().get(k))) continue;
            var conv = sc.converters().get(slots.get(k)[0]);
            out.println("  " + conv.name() + " to " + conv.phases().get(slots.get(k)[1]).target().specName() + ":");
            for (String line : diff(root.lists().get(k), c.lists().get(k))) out.println("    " + line);
        }
        wrap(out, "  verdicts: ", verdicts(fix.report()) + "; " + fix.report().stats().distinctStates() + " states");
        out.println("  as a spec edit (in a spec that extends this one):");
        for (String line : editBlock(c)) out.println("    " + line);
        out.println();
    }

    /** "every checked property holds (N)", or the properties grouped by verdict: "holds: a, b; violated: c". */
    private static String verdicts(SpecReport r) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (PropertyReport p : r.properties()) by.computeIfAbsent(p.actual().word(), k -> new ArrayList<>()).add(p.name());
        if (by.size() == 1 && by.containsKey("holds")) return "every checked property holds (" + r.properties().size() + ")";
        List<String> parts = new ArrayList<>();
        by.forEach((verdict, names) -> parts.add(verdict + ": " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    /** The candidate's edits as {@code edit} blocks of a variant spec, one per step list changed. */
    List<String> editBlock(RepairCandidate c) {
        Scenario sc = spec.scenario();
        List<String> lines = new ArrayList<>();
        String header = null;
        for (RepairCandidate.Applied a : c.edits()) {
            var conv = sc.converters().get(a.edit().converter());
            String h = "edit " + conv.name() + (conv.phases().size() > 1
                    ? " to " + conv.phases().get(a.edit().phase()).target().specName() : "") + ":";
            if (!h.equals(header)) lines.add(h);
            header = h;
            for (String op : a.operations()) lines.add("  " + op);
        }
        return lines;
    }

    /** A line diff of two step lists: "  step" kept, "- step" dropped, "+ step" added. */
    static List<String> diff(List<Primitive> a, List<Primitive> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i) == b.get(j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i) == b.get(j)) {
                out.add("  " + a.get(i++).specName());
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + b.get(j++).specName());
            } else {
                out.add("- " + a.get(i++).specName());
            }
        }
        return out;
    }

    /** The search as a JSON-ready map. */
    Map<String, Object> json(String file, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", "pagestate");
        doc.put("version", version);
        doc.put("spec", file);
        Map<String, String> want = new LinkedHashMap<>();
        goal.wanted().forEach((k, v) -> want.put(k, v ? "holds" : "violated"));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("expected", goal.expected());
        g.put("verdicts", want);
        doc.put("goal", g);
        doc.put("original", verdictMap(outcome.original()));
        doc.put("original_meets_goal", goal.met(outcome.original()));
        doc.put("searched_depth", outcome.searched());
        doc.put("candidates_per_depth", outcome.tried());
        doc.put("complete", outcome.complete());
        doc.put("stop_reason", outcome.stopReason());
        doc.put("seconds", outcome.seconds());
        doc.put("vacuous_candidates", outcome.vacuous());
        List<Map<String, Object>> fixes = new ArrayList<>();
        Scenario sc = spec.scenario();
        List<int[]> slots = RepairCandidate.slots(sc);
        for (RepairSearch.Fix f : outcome.fixes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("edits", f.candidate().edits().stream().map(RepairCandidate.Applied::words).toList());
            m.put("steps_added", f.candidate().added());
            Map<String, List<String>> steps = new LinkedHashMap<>();
            for (int k = 0; k < slots.size(); k++) {
                var conv = sc.converters().get(slots.get(k)[0]);
                steps.put(conv.name() + " to " + conv.phases().get(slots.get(k)[1]).target().specName(),
                        f.candidate().lists().get(k).stream().map(Primitive::specName).toList());
            }
            m.put("steps", steps);
            m.put("spec_edit", editBlock(f.candidate()));
            m.put("verdicts", verdictMap(f.report()));
            m.put("states", f.report().stats().distinctStates());
            fixes.add(m);
        }
        doc.put("fixes", fixes);
        return doc;
    }

    private static Map<String, String> verdictMap(SpecReport r) {
        Map<String, String> v = new LinkedHashMap<>();
        for (PropertyReport p : r.properties()) v.put(p.name(), p.actual().word());
        return v;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : word.endsWith("x") ? "es" : "s");
    }

    /** Prints {@code head + text}, wrapped at commas to at most 100 columns, continuation lines indented. */
    static void wrap(PrintWriter out, String head, String text) {
        String indent = head.startsWith("  ") ? "    " : "  ";
        StringBuilder line = new StringBuilder(head);
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > indent.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            } else if (line.length() > 0 && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
