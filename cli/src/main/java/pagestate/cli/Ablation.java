package pagestate.cli;

import java.util.ArrayList;
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
 * move each flush to every other position ({@link StepEdit}, without inserts). Variants whose step
 * list repeats an earlier one are left out. Order is deterministic.
 */
final class Ablation {

    /** The kind of edit, for the conclusions. */
    enum Kind { ORIGINAL, DROP, SWAP, MERGE, MOVE }

    /**
     * One variant: the edit that made it, the converter and phase it edits, the steps involved (indices
     * into the original list) and the resulting spec.
     */
    record Variant(Kind kind, String edit, int converter, int phase, int first, int second, Spec spec) { }

    private Ablation() { }

    static List<Variant> variants(Spec spec) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(Kind.ORIGINAL, "(original)", -1, -1, -1, -1, spec));
        Scenario sc = spec.scenario();
        for (int c = 0; c < sc.converters().size(); c++) {
            Converter conv = sc.converters().get(c);
            for (int ph = 0; ph < conv.phases().size(); ph++) {
                List<Primitive> steps = conv.phases().get(ph).steps();
                String where = where(sc, c, ph);
                Set<Integer> always = conv.phases().get(ph).always();
                for (StepEdit e : StepEdit.of(c, ph, steps, Set.of())) {
                    Kind kind = Kind.valueOf(e.kind().name());
                    out.add(new Variant(kind, e.describe(steps) + where, c, ph, e.first(), e.second(),
                            withSteps(spec, c, ph, e.apply(steps), e.always(steps, always),
                                    e.via(steps, conv.phases().get(ph).via()))));
                }
            }
        }
        return out;
    }

    /** " (conv to shared)" when the spec has more than one phase, else "". */
    static String where(Scenario sc, int c, int ph) {
        Converter conv = sc.converters().get(c);
        return conv.phases().size() > 1 || sc.converters().size() > 1
                ? " (" + conv.name() + " to " + conv.phases().get(ph).target().specName() + ")" : "";
    }

    /**
     * {@code spec} with the steps of converter {@code c}'s phase {@code ph} replaced, {@code always} its always
     * steps, {@code via} the mappings of its steps that take an address.
     */
    static Spec withSteps(Spec spec, int c, int ph, List<Primitive> steps, Set<Integer> always,
                          java.util.Map<Integer, pagestate.model.cpu.Mapping> via) {
        Scenario s = spec.scenario();
        List<Converter> convs = new ArrayList<>(s.converters());
        Converter conv = convs.get(c);
        List<Phase> phases = new ArrayList<>(conv.phases());
        phases.set(ph, new Phase(phases.get(ph).target(), steps, always, via));
        convs.set(c, new Converter(conv.name(), conv.cpu(), conv.pages(), phases, conv.owner(), conv.via()));
        Scenario edited = new Scenario(s.platform(), s.options(), s.cpus(), s.pages(), s.mappings(), convs, s.readers(),
                s.hosts(), s.hardware(), s.mayFail(), s.onError());
        return new Spec(spec.file(), spec.name(), spec.description(), spec.system(), edited, spec.properties(),
                spec.expectations(), spec.base());
    }
}
