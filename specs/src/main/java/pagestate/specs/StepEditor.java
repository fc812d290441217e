package pagestate.specs;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@code edit} block to the inherited steps of one phase. Operations run in order, each on the
 * list as the operations above it left it; occurrence numbers ({@code flush_tlb#2}) count in that list.
 */
final class StepEditor {
    private final Problems problems;

    StepEditor(Problems problems) {
        this.problems = problems;
    }

    void apply(Draft draft, Draft.EditDecl edit) {
        Draft.ConverterDecl conv = draft.converters.get(edit.converter());
        if (conv == null) {
            problems.at(edit.pos(), "no converter " + Suggest.show(edit.converter()) + " to edit"
                    + Suggest.hint(edit.converter(), List.copyOf(draft.converters.keySet())));
            return;
        }
        int index = phaseIndex(conv, edit);
        if (index < 0) return;
        Draft.PhaseDecl phase = conv.phases().get(index);
        String where = conv.name() + " to " + phase.target().specName();
        List<Draft.Step> steps = new ArrayList<>(phase.steps());
        for (Draft.EditOp op : edit.ops()) {
            try {
                apply(steps, op, where);
            } catch (LineError e) {
                problems.add(e.error());
            }
        }
        if (steps.isEmpty()) {
            problems.at(edit.pos(), "this edit leaves " + where + " with no steps");
            return;
        }
        draft.converters.put(conv.name(), conv.withPhase(index, new Draft.PhaseDecl(phase.target(), phase.pos(), steps)));
    }

    private int phaseIndex(Draft.ConverterDecl conv, Draft.EditDecl edit) {
        List<Draft.PhaseDecl> phases = conv.phases();
        if (edit.phase() == null) {
            if (phases.size() == 1) return 0;
            problems.at(edit.pos(), "converter " + conv.name() + " is a round trip; say which phase: edit "
                    + conv.name() + " to " + phases.get(0).target().specName() + ":");
            return -1;
        }
        for (int i = 0; i < phases.size(); i++) if (phases.get(i).target() == edit.phase()) return i;
        problems.at(edit.pos(), "converter " + conv.name() + " has no `to " + edit.phase().specName() + "` phase (it has `to "
                + phases.get(0).target().specName() + "`)");
        return -1;
    }

    private static void apply(List<Draft.Step> steps, Draft.EditOp op, String where) {
        if (op instanceof Draft.Drop d) {
            steps.remove(find(steps, d.step(), where));
        } else if (op instanceof Draft.Replace r) {
            int i = find(steps, r.step(), where);
            steps.remove(i);
            steps.addAll(i, r.with());
        } else if (op instanceof Draft.Insert ins) {
            steps.addAll(place(steps, ins.anchor(), where), ins.steps());
        } else if (op instanceof Draft.Move m) {
            int i = find(steps, m.step(), where);
            int to = place(steps, m.anchor(), where);
            if (m.anchor().ref() != null && find(steps, m.anchor().ref(), where) == i) {
                throw new LineError(m.anchor().ref().pos().error("cannot move " + m.step().text() + " relative to itself"));
            }
            Draft.Step s = steps.remove(i);
            steps.add(to > i ? to - 1 : to, s);
        }
    }

    /** The index at which steps go for {@code anchor}, in the current list. */
    private static int place(List<Draft.Step> steps, Draft.Anchor anchor, String where) {
        return switch (anchor.where()) {
            case START -> 0;
            case END -> steps.size();
            case BEFORE -> find(steps, anchor.ref(), where);
            case AFTER -> find(steps, anchor.ref(), where) + 1;
        };
    }

    /** The index of the step {@code ref} names, or a LineError that says why there is none (or several). */
    static int find(List<Draft.Step> steps, Draft.StepRef ref, String where) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).primitive() == ref.primitive()) at.add(i);
        String name = ref.primitive().specName();
        if (at.isEmpty()) {
            throw new LineError(ref.pos().error("no " + name + " in " + where + " (its steps: " + text(steps) + ")"));
        }
        if (ref.occurrence() == 0) {
            if (at.size() == 1) return at.get(0);
            List<String> choices = new ArrayList<>();
            for (int k = 1; k <= at.size(); k++) choices.add(name + "#" + k);
            throw new LineError(ref.pos().error(name + " appears " + at.size() + " times in " + where + "; write "
                    + String.join(" or ", choices)));
        }
        if (ref.occurrence() > at.size()) {
            throw new LineError(ref.pos().error("no " + ref.text() + ": " + where + " has " + at.size() + " " + name
                    + (at.size() == 1 ? " step" : " steps") + " (its steps: " + text(steps) + ")"));
        }
        return at.get(ref.occurrence() - 1);
    }

    static String text(List<Draft.Step> steps) {
        List<String> names = new ArrayList<>();
        for (Draft.Step s : steps) names.add(s.text());
        return String.join(" ", names);
    }
}
