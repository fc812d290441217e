package pagestate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.specs.Spec;

/**
 * A spec with one or more {@link StepEdit}s applied, in order. {@code lists} holds the step list of every
 * converter phase (in the order of {@link #slots}), {@code always} the always steps of each, {@code via}
 * the mappings of its steps that take an address; two candidates with the same {@link #key} are the
 * same spec.
 */
record RepairCandidate(List<Applied> edits, List<List<Primitive>> lists, List<Set<Integer>> always,
                       List<Map<Integer, Mapping>> via) {

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
        List<Set<Integer>> always = new ArrayList<>();
        List<Map<Integer, Mapping>> via = new ArrayList<>();
        for (Converter c : sc.converters()) {
            for (var ph : c.phases()) {
                lists.add(ph.steps());
                always.add(Set.copyOf(ph.always()));
                via.add(Map.copyOf(ph.via()));
            }
        }
        return new RepairCandidate(List.of(), List.copyOf(lists), List.copyOf(always), List.copyOf(via));
    }

    /** What makes two candidates the same spec: the step lists, their always steps and their mappings. */
    List<Object> key() {
        return List.of(lists, always, via);
    }

    /**
     * Every candidate one more edit away (of any step list), in a fixed order, before removing repeats;
     * without those that leave an always step with no hypercall before it (the spec language rejects them).
     */
    List<RepairCandidate> next(Scenario sc, Set<Primitive> vocabulary) {
        List<RepairCandidate> out = new ArrayList<>();
        List<int[]> slots = slots(sc);
        for (int k = 0; k < slots.size(); k++) {
            List<Primitive> steps = lists.get(k);
            String where = Ablation.where(sc, slots.get(k)[0], slots.get(k)[1]);
            for (StepEdit e : StepEdit.of(slots.get(k)[0], slots.get(k)[1], steps, vocabulary)) {
                List<Applied> edits = new ArrayList<>(this.edits);
                edits.add(new Applied(e, e.describe(steps) + where, e.operations(steps)));
                List<Primitive> result = e.apply(steps);
                Set<Integer> flags = e.always(steps, always.get(k));
                if (!StepEdit.alwaysAfterHypercall(result, flags)) continue;
                List<List<Primitive>> changed = new ArrayList<>(lists);
                changed.set(k, result);
                List<Set<Integer>> changedAlways = new ArrayList<>(always);
                changedAlways.set(k, Set.copyOf(flags));
                List<Map<Integer, Mapping>> changedVia = new ArrayList<>(via);
                changedVia.set(k, Map.copyOf(e.via(steps, via.get(k))));
                out.add(new RepairCandidate(List.copyOf(edits), List.copyOf(changed), List.copyOf(changedAlways),
                        List.copyOf(changedVia)));
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
            var phase = spec.scenario().converters().get(s[0]).phases().get(s[1]);
            if (!lists.get(k).equals(phase.steps()) || !always.get(k).equals(phase.always()) || !via.get(k).equals(phase.via())) {
                out = Ablation.withSteps(out, s[0], s[1], lists.get(k), always.get(k), via.get(k));
            }
        }
        return out;
    }

    /** The edits in words, joined by "; ". */
    String words() {
        return String.join("; ", edits.stream().map(Applied::words).toList());
    }
}
