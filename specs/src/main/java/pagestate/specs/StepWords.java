package pagestate.specs;

import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Primitive;

/** Reads primitive names and step references ({@code flush_tlb}, {@code flush_tlb#2}). */
final class StepWords {
    private StepWords() { }

    /**
     * A step: a primitive name, or {@code always NAME} for a step that runs even after a hypercall of its
     * phase failed (the code after a cleanup label).
     */
    static Draft.Step step(Cursor c, Token t) {
        if (t.is("always") && !t.quoted()) {
            Token n = c.require("always needs the step that runs even after a failure, e.g. always set_present");
            if (n.is("always")) throw c.error(n, "always is said once per step");
            Draft.Step s = step(c, n);
            return new Draft.Step(s.primitive(), c.pos(t), true, s.via());
        }
        String text = t.text();
        int hash = text.indexOf('#');
        if (hash > 0 && Primitive.bySpecName(text.substring(0, hash)).isPresent()) {
            throw c.error(t, t.shown() + ": occurrence numbers are for edits; in a converter, list the steps in order");
        }
        Primitive p = primitive(c, t, text);
        Located<Mapping> via = null;
        if (!c.atEnd() && c.peek().is("via") && !c.peek().quoted()) {
            Token v = c.next();
            if (!p.takesAddress()) {
                throw c.error(v, p.specName() + " takes no address: only " + String.join(", ", Names.addressSteps())
                        + " go through a mapping of the spec's choice (" + p.specName() + " acts as CPA does)");
            }
            via = via(c);
        }
        return new Draft.Step(p, c.pos(t), false, via);
    }

    /** The mapping after {@code via}: one of the kinds; whether the spec declares it is checked later. */
    static Located<Mapping> via(Cursor c) {
        Token m = c.oneOf("mapping", Names.mappings());
        return new Located<>(Mapping.bySpecName(m.text()).orElseThrow(), c.pos(m));
    }

    static Draft.StepRef ref(Cursor c, Token t) {
        String text = t.text();
        int hash = text.lastIndexOf('#');
        String name = hash < 0 ? text : text.substring(0, hash);
        int occurrence = 0;
        if (hash >= 0) {
            String n = text.substring(hash + 1);
            if (n.length() > 4 || !Cursor.digits(n) || n.charAt(0) == '0') {
                throw c.error(t, "after # comes the occurrence of the step, counted from 1 (e.g. flush_tlb#2), not "
                        + Suggest.show(n.isEmpty() ? "nothing" : n));
            }
            occurrence = Integer.parseInt(n);
        }
        return new Draft.StepRef(primitive(c, t, name), occurrence, c.pos(t));
    }

    private static Primitive primitive(Cursor c, Token t, String name) {
        if (t.quoted()) throw c.error(t, "a step is a primitive name, not a string");
        return Primitive.bySpecName(name).orElseThrow(
                () -> c.error(t, "unknown primitive " + Suggest.show(name) + Suggest.hint(name, Names.primitives())));
    }
}
