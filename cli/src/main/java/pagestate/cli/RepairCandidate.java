package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.specs.Spec;

/**
 * A spec with one or more {@link StepEdit}s applied, in order. {@code lists} holds the step list of every
 * converter phase (in the order of {@link #slots}); two candidates with the same lists are the same spec.
 */
record RepairCandidate(List<Applied> edits, List<List<Primitive>> lists) {

    /** One edit as applied: the edit, its words and its spec operations, both for the list it changed. */
    record Applied(StepEdit edit, String words, List<String> operations) { }

    /** The (converter, phase) of every step list of {@code sc}, in order. */
    static List<int[]> slots(Scenario sc) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < sc.converters().size(); c++) {
            for (int ph = 0; ph < sc.converters().get(c).phases().size(); ph++) out.add(new int[] {c, ph});
        }
        return out;
    }

    static RepairCandidate original(Scenario sc) {
        List<List<Primitive>> lists = new ArrayList<>();
        for (Converter c : sc.converters()) for (var ph : c.phases()) lists.add(ph.steps());
        return new RepairCandidate(List.of(), List.copyOf(lists));
    }

    /** Every candidate one more edit away (of any step list), in a fixed order, before removing repeats. */
    List<RepairCandidate> next(Scenario sc, Set<Primitive> vocabulary) {
        List<RepairCandidate> out = new ArrayList<>();
        List<int[]> slots = slots(sc);
        for (int k = 0; k < slots.size(); k++) {
            List<Primitive> steps = lists.get(k);
            String where = Ablation.where(sc, slots.get(k)[0], slots.get(k)[1]);
            for (StepEdit e : StepEdit.of(slots.get(k)[0], slots.get(k)[1], steps, vocabulary)) {
                List<Applied> edits = new ArrayList<>(this.edits);
                edits.add(new Applied(e, e.describe(steps) + where, e.operations(steps)));
                List<List<Primitive>> changed = new ArrayList<>(lists);
                changed.set(k, e.apply(steps));
                out.add(new RepairCandidate(List.copyOf(edits), List.copyOf(changed)));
            }
        }
        return out;
    }

    /** Steps added in all (negative: removed). */
    int added() {
        return edits.stream().mapToInt(a -> a.edit().added()).sum();
    }

    /** {@code spec} with this candidate's step lists. */
    Spec apply(Spec spec) {
        Spec out = spec;
        List<int[]> slots = slots(spec.scenario());
        for (int k = 0; k < slots.size(); k++) {
            int[] s = slots.get(k);
            if (!lists.get(k).equals(spec.scenario().converters().get(s[0]).phases().get(s[1]).steps())) {
                out = Ablation.withSteps(out, s[0], s[1], lists.get(k));
            }
        }
        return out;
    }

    /** The edits in words, joined by "; ". */
    String words() {
        return String.join("; ", edits.stream().map(Applied::words).toList());
    }
}
