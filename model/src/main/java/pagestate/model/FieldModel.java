package pagestate.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared plumbing of the seed-system models whose state is a row of named {@link Fields}: encoding,
 * the text of a state and of what a step changed. A subclass names its fields and their values.
 */
public abstract class FieldModel implements SystemModel<Fields, SystemAction> {

    /** Number of fields of a state. */
    protected abstract int fieldCount();

    /** The name of field {@code i} in traces ("RMP p1"), or null to leave it out of traces. */
    protected abstract String fieldName(int i);

    /** The value {@code v} of field {@code i} as text ("shared", "2M"). */
    protected abstract String valueText(int i, int v);

    @Override
    public int words() {
        return Fields.words(fieldCount());
    }

    @Override
    public void encode(Fields s, long[] out, int offset) {
        s.encode(out, offset);
    }

    @Override
    public Fields decode(long[] in, int offset) {
        return Fields.decode(in, offset, fieldCount());
    }

    @Override
    public List<String> changes(Fields before, Fields after) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fieldCount(); i++) {
            String name = fieldName(i);
            if (name == null || before.get(i) == after.get(i)) continue;
            out.add(name + ": " + valueText(i, before.get(i)) + " -> " + valueText(i, after.get(i)));
        }
        return out;
    }

    @Override
    public String describe(Fields s) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < fieldCount(); i++) {
            String name = fieldName(i);
            if (name != null) lines.add(name + ": " + valueText(i, s.get(i)));
        }
        return String.join("\n", lines);
    }

    /** "yes"/"no" for flags. */
    protected static String yesNo(int v) {
        return v != 0 ? "yes" : "no";
    }

    /** The outcome text an action carries: null for a plain "ok", else {@code label: explanation}. */
    protected static String outcomeText(boolean ok, String label, String explanation) {
        return ok ? null : label + ": " + explanation;
    }
}
