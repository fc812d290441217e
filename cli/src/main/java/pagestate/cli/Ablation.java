package pagestate.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.Phase;
import pagestate.model.cpu.Primitive;
import pagestate.model.cpu.Scenario;
import pagestate.specs.Spec;

/**
 * The variants {@code ablate} derives from a spec's step lists: drop one step, swap two adjacent
 * steps, merge clear_present and the flip after it into clear_present_and_flip (adjacent or not),
 * move each flush to every other position. Variants whose step list repeats an earlier one are left out. Order is deterministic.
 */
final class Ablation {

    /** The kind of edit, for the conclusions. */
    enum Kind { ORIGINAL, DROP, SWAP, MERGE, MOVE }

    /**
     * One variant: the edit that made it, the converter and phase it edits, the steps involved (indices
     * into the original list) and the resulting spec.
     */
    record Variant(Kind kind, String edit, int converter, int phase, int first, int second, Spec spec) { }

    private static final Set<Primitive> FLUSHES = Set.of(Primitive.FLUSH_TLB, Primitive.FLUSH_CACHE, Primitive.WBINVD);

    private Ablation() { }

    static List<Variant> variants(Spec spec) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(Kind.ORIGINAL, "(original)", -1, -1, -1, -1, spec));
        Scenario sc = spec.scenario();
        for (int c = 0; c < sc.converters().size(); c++) {
            Converter conv = sc.converters().get(c);
            for (int ph = 0; ph < conv.phases().size(); ph++) {
                List<Primitive> steps = conv.phases().get(ph).steps();
                String where = conv.phases().size() > 1 || sc.converters().size() > 1
                        ? " (" + conv.name() + " to " + conv.phases().get(ph).target().specName() + ")" : "";
                Set<List<Primitive>> seen = new LinkedHashSet<>();
                seen.add(steps);
                for (int i = 0; i < steps.size(); i++) {
                    List<Primitive> v = new ArrayList<>(steps);
                    v.remove(i);
                    add(out, seen, spec, c, ph, v, Kind.DROP, "drop " + label(steps, i) + where, i, -1);
                }
                for (int i = 0; i + 1 < steps.size(); i++) {
                    List<Primitive> v = new ArrayList<>(steps);
                    v.set(i, steps.get(i + 1));
                    v.set(i + 1, steps.get(i));
                    add(out, seen, spec, c, ph, v, Kind.SWAP, "swap " + label(steps, i) + " and " + label(steps, i + 1) + where, i, i + 1);
                }
                // clear_present followed by flip (adjacent, or with other steps between them, as in
                // Edgecombe's question on seed 004) becomes one clear_present_and_flip where clear_present was
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i) != Primitive.CLEAR_PRESENT) continue;
                    int j = i + 1;
                    while (j < steps.size() && steps.get(j) != Primitive.FLIP && steps.get(j) != Primitive.SET_PRESENT) j++;
                    if (j == steps.size() || steps.get(j) != Primitive.FLIP) continue;
                    List<Primitive> v = new ArrayList<>(steps);
                    v.set(i, Primitive.CLEAR_PRESENT_AND_FLIP);
                    v.remove(j);
                    add(out, seen, spec, c, ph, v, Kind.MERGE, "merge " + label(steps, i) + " and " + label(steps, j)
                            + " into clear_present_and_flip" + where, i, j);
                }
                for (int i = 0; i < steps.size(); i++) {
                    if (!FLUSHES.contains(steps.get(i))) continue;
                    for (int j = 0; j < steps.size(); j++) {
                        if (j == i) continue;
                        List<Primitive> v = new ArrayList<>(steps);
                        Primitive f = v.remove(i);
                        v.add(j, f);
                        add(out, seen, spec, c, ph, v, Kind.MOVE, "move " + label(steps, i) + " " + position(v, j) + where, i, j);
                    }
                }
            }
        }
        return out;
    }

    /** A step's name, with #k when its primitive occurs more than once in the list. */
    static String label(List<Primitive> steps, int i) {
        Primitive p = steps.get(i);
        if (steps.stream().filter(s -> s == p).count() < 2) return p.specName();
        int k = 0;
        for (int j = 0; j <= i; j++) if (steps.get(j) == p) k++;
        return p.specName() + "#" + k;
    }

    private static String position(List<Primitive> v, int j) {
        if (j == 0) return "to the start (before " + v.get(1).specName() + ")";
        return "after " + v.get(j - 1).specName() + (j + 1 < v.size() ? " (before " + v.get(j + 1).specName() + ")" : " (at the end)");
    }

    private static void add(List<Variant> out, Set<List<Primitive>> seen, Spec spec, int c, int ph, List<Primitive> steps,
                            Kind kind, String edit, int first, int second) {
        if (!seen.add(List.copyOf(steps))) return;
        out.add(new Variant(kind, edit, c, ph, first, second, withSteps(spec, c, ph, steps)));
    }

    /** The always steps of {@code steps}: the k-th occurrence of a primitive is always if it was in {@code before}. */
    private static Set<Integer> alwaysByOccurrence(Phase before, List<Primitive> steps) {
        Set<Integer> always = new java.util.TreeSet<>();
        for (int i = 0; i < steps.size(); i++) {
            int k = 0;
            for (int j = 0; j < i; j++) if (steps.get(j) == steps.get(i)) k++;
            for (int j = 0, seen = 0; j < before.steps().size(); j++) {
                if (before.steps().get(j) != steps.get(i)) continue;
                if (seen++ == k) {
                    if (before.isAlways(j)) always.add(i);
                    break;
                }
            }
        }
        return always;
    }

    static Spec withSteps(Spec spec, int c, int ph, List<Primitive> steps) {
        Scenario s = spec.scenario();
        List<Converter> convs = new ArrayList<>(s.converters());
        Converter conv = convs.get(c);
        List<Phase> phases = new ArrayList<>(conv.phases());
        phases.set(ph, new Phase(phases.get(ph).target(), steps, alwaysByOccurrence(phases.get(ph), steps)));
        convs.set(c, new Converter(conv.name(), conv.cpu(), conv.pages(), phases, conv.owner(), conv.via()));
        Scenario edited = new Scenario(s.platform(), s.options(), s.cpus(), s.pages(), s.mappings(), convs, s.readers(),
                s.hosts(), s.hardware(), s.mayFail(), s.onError());
        return new Spec(spec.file(), spec.name(), spec.description(), spec.system(), edited, spec.properties(),
                spec.expectations(), spec.base());
    }
}
